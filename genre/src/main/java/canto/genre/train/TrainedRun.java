package canto.genre.train;

import canto.engine.nn.Trainable;
import canto.genre.data.Vocabulary;

/**
 * A finished run: its results, the trained model, the vocabulary (null for experiment 2) and
 * the row numbers of its training split.
 */
public record TrainedRun(RunResult result, Trainable model, Vocabulary vocabulary, int[] trainRows) {}
