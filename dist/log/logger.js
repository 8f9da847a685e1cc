import { pino } from 'pino';
/**
 * JSON lines through pino. Known secret keys are censored by path, and every line is
 * scrubbed as a whole before it is written, so a secret inside an error message or a URL
 * never reaches the log either.
 */
export function createLogger({ level, redactor, destination }) {
    return pino({
        level,
        base: { app: 'ctx-ops' },
        timestamp: pino.stdTimeFunctions.isoTime,
        redact: {
            paths: [
                'password',
                'token',
                'secret',
                'authorization',
                '*.password',
                '*.token',
                '*.secret',
                '*.authorization',
                'headers.authorization',
                'req.headers.authorization',
                'config.secrets',
            ],
            censor: '[redacted]',
        },
        hooks: { streamWrite: (line) => redactor.scrub(line) },
        serializers: { err: pino.stdSerializers.err },
    }, destination ?? pino.destination({ fd: 1, sync: false }));
}
