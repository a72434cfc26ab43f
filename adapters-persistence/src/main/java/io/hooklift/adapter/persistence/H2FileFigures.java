package io.hooklift.adapter.persistence;

/**
 * The embedded H2 file as its housekeeping last measured it.
 *
 * @param fileBytes the size of {@code hooklift.mv.db}
 * @param liveBytes the part of it that live data occupies (H2's fill rates, to the percent)
 * @param chunkBytes the part of it inside chunks, live or dead; the rest is free space that later
 *     chunks may fill or a truncation may give back
 * @param chunks chunks H2 keeps track of, each with an object on the heap
 * @param writtenBytes bytes H2 has written to the file since it was opened
 * @param readBytes bytes H2 has read from the file since it was opened, from the operating system's
 *     file cache or from disk
 * @param compactionRounds rewrite rounds that moved pages, since start
 * @param compactionMillis wall-clock time the housekeeping thread spent rewriting chunks and moving
 *     them towards the start of the file since start, waiting for H2's store lock included
 * @param syncMillis wall-clock time the housekeeping thread spent forcing the file to disk
 * @param cpuMillis CPU time the housekeeping thread used since start: its real cost
 */
public record H2FileFigures(
    long fileBytes,
    long liveBytes,
    long chunkBytes,
    int chunks,
    long writtenBytes,
    long readBytes,
    long compactionRounds,
    long compactionMillis,
    long syncMillis,
    long cpuMillis) {}
