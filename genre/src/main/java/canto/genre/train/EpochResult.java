package canto.genre.train;

/**
 * One training epoch: mean training loss per row, running train accuracy (training mode,
 * each batch scored before its update, as the post computed it), validation accuracy (eval
 * mode), and the seconds the training pass took (validation not included).
 */
public record EpochResult(int epoch, double loss, double trainAccuracy, double valAccuracy, double seconds) {}
