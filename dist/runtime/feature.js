export function createServiceRegistry() {
    const map = new Map();
    return {
        register(name, service) {
            if (map.has(name))
                throw new Error(`service "${name}" is registered twice`);
            map.set(name, service);
        },
        get: (name) => map.get(name),
    };
}
