/** A short tag for scratch database names; unique with the random suffix scratchName adds. */
export const runTag = (io) => (io.runId !== undefined ? `r${io.runId}` : 'run');
