package dev.skillnet.convert.archive;

/** The checkpoint formats {@code skillnet import} reads. */
public enum ModelFormat {
    /** An ONNX export ({@code *.onnx}). */
    ONNX,
    /** A TensorFlow tensor bundle ({@code *.index} plus {@code *.data-NNNNN-of-NNNNN}). */
    TF_BUNDLE
}
