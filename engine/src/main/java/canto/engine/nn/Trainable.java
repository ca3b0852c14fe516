package canto.engine.nn;

import java.util.Map;

/** Anything that owns parameters and may behave differently in training and evaluation. */
public interface Trainable {
    /**
     * Adds this object's parameters to {@code out} under {@code prefix + localName}, in the
     * order PyTorch's {@code state_dict} would list them (children by index or field name).
     */
    default void collectParameters(String prefix, Map<String, Parameter> out) {}

    /** Training mode (dropout active) or evaluation mode. Models start in training mode. */
    default void setTraining(boolean training) {}
}
