package canto.engine.io;

/** A safetensors file that is truncated, corrupt, or does not match the model. */
public final class SafeTensorsException extends IllegalArgumentException {
    public SafeTensorsException(String message) { super(message); }
}
