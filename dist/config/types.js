export function findEnvironment(config, name) {
    return config.environments.find((e) => e.name === name);
}
