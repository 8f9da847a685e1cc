/**
 * Kinds the operations feature registers itself that a step may ask for without
 * parameters. (`migrate` needs the pending list and a backup id that `/ctx migrate`
 * works out, so runbooks point at that command instead.)
 */
export const OPERATIONS_KINDS = [
    {
        kind: 'backup',
        label: 'Back up Postgres',
        manual: (env) => `\`/ctx backup ${env.name}\`, or \`pg_dump --format=custom\` of DATABASE_URL`,
    },
];
