package dev.skillnet.convert.tf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One tensor's entry in a bundle's index: a {@code BundleEntryProto}
 * ({@code tensorflow/core/protobuf/tensor_bundle.proto}) decoded field by field.
 *
 * @param name the tensor's name (its index key, decoded as UTF-8)
 * @param dtype its {@code DataType} code (see {@link TfDtype})
 * @param shape its dimensions; empty for a scalar
 * @param shardId the data shard holding its bytes
 * @param offset its first byte in that shard
 * @param size its byte count
 * @param crc32c the masked CRC-32C of its bytes, as stored
 */
public record BundleEntry(String name, int dtype, long[] shape, int shardId, long offset, long size, int crc32c) {

    /** @return the number of elements (1 for a scalar, 0 when a dimension is 0) */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** @return the shape as text, e.g. {@code [768, 3072]} */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** @return the dtype's name, e.g. {@code DT_FLOAT} */
    public String dtypeName() {
        return TfDtype.name(dtype);
    }

    /**
     * Decodes a {@code BundleEntryProto}: dtype (1), shape (2), shard_id (3), offset (4), size (5),
     * crc32c (6, fixed32) and slices (7); unknown fields are skipped.
     *
     * @param file the index file, for messages
     * @param name the tensor's name
     * @param value the serialized proto
     * @return the entry
     * @throws UserInputException when the proto is corrupt, the shape is not fully known, or the
     *     tensor is stored in slices (partitioned), which is not supported
     */
    public static BundleEntry parse(Path file, String name, byte[] value) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(value);
            int dtype = 0;
            long[] shape = new long[0];
            int shardId = 0;
            long offset = 0;
            long size = 0;
            int crc = 0;
            int slices = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 8 -> dtype = in.readEnum();
                    case 18 -> shape = parseShape(file, name, in.readBytes());
                    case 24 -> shardId = in.readInt32();
                    case 32 -> offset = in.readInt64();
                    case 40 -> size = in.readInt64();
                    case 53 -> crc = in.readFixed32();
                    case 58 -> {
                        slices++;
                        in.skipField(tag);
                    }
                    default -> in.skipField(tag);
                }
            }
            if (slices > 0) {
                throw new UserInputException(file, "tensor '" + name + "' is partitioned into " + slices
                        + " slices; sliced (partitioned) variables are not supported");
            }
            if (shardId < 0 || offset < 0 || size < 0) {
                throw new UserInputException(file, "corrupt entry for tensor '" + name + "': shard " + shardId
                        + ", offset " + offset + ", size " + size);
            }
            return new BundleEntry(name, dtype, shape, shardId, offset, size, crc);
        } catch (IOException e) {
            throw new UserInputException(file, "corrupt entry for tensor '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Decodes a {@code TensorShapeProto}: dim (2, each {size 1, name 2}) and unknown_rank (3). */
    private static long[] parseShape(Path file, String name, ByteString bytes) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        List<Long> dims = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag) {
                case 18 -> dims.add(parseDim(in.readBytes()));
                case 24 -> {
                    if (in.readBool()) {
                        throw new UserInputException(file, "tensor '" + name + "' has a shape of unknown rank");
                    }
                }
                default -> in.skipField(tag);
            }
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i);
            if (shape[i] < 0) {
                throw new UserInputException(file, "tensor '" + name + "' has unknown or negative dimension "
                        + shape[i] + " in shape " + dims);
            }
        }
        return shape;
    }

    private static long parseDim(ByteString bytes) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        long size = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == 8) {
                size = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        return size;
    }
}
