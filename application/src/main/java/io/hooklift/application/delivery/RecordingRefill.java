package io.hooklift.application.delivery;

/** Claims that ride along in the recorder's transaction, so that refilling costs no commit. */
interface RecordingRefill {

  /**
   * Runs inside the recording transaction, after the batch; returns what to do once it committed.
   */
  Runnable within();

  /** After the recording transaction, committed or not. */
  void ended();
}
