package canto.genre.train;

import canto.engine.nn.Trainable;
import canto.engine.tensor.Tensor;
import canto.genre.data.Vocabulary;
import java.util.Map;

/**
 * A finished run: its results, the trained model, the vocabulary (null for experiments without
 * one), the row numbers of its training and validation splits, and what a model file holds:
 * the trained tensors under the names of the model's PyTorch class ({@code state}, in
 * {@code state_dict} order) and the settings needed to rebuild the model ({@code config}, the
 * file's metadata).
 */
public record TrainedRun(RunResult result, Trainable model, Vocabulary vocabulary, int[] trainRows, int[] validationRows,
                         Map<String, Tensor> state, Map<String, String> config) {}
