package dev.skillnet.convert.tf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A bundle's header, the {@code BundleHeaderProto} stored under the empty key of its index
 * ({@code tensorflow/core/protobuf/tensor_bundle.proto}).
 *
 * @param numShards how many {@code .data-NNNNN-of-NNNNN} files hold the tensors
 * @param producer the {@code VersionDef.producer} of the writer (0 when absent)
 */
public record BundleHeader(int numShards, int producer) {

    /**
     * Decodes the header: num_shards (1), endianness (2; 0 little, 1 big) and version (3, a
     * {@code VersionDef} whose producer is field 1); unknown fields are skipped.
     *
     * @param file the index file, for messages
     * @param value the serialized proto
     * @return the header
     * @throws UserInputException when it is corrupt, declares no shards, or the bundle is
     *     big-endian (not supported)
     */
    public static BundleHeader parse(Path file, byte[] value) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(value);
            int numShards = 0;
            int endianness = 0;
            int producer = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 8 -> numShards = in.readInt32();
                    case 16 -> endianness = in.readEnum();
                    case 26 -> producer = parseProducer(in.readBytes());
                    default -> in.skipField(tag);
                }
            }
            if (endianness != 0) {
                throw new UserInputException(file, "the tensor bundle is big-endian (endianness " + endianness
                        + "); only little-endian bundles are supported");
            }
            if (numShards < 1) {
                throw new UserInputException(file, "corrupt tensor bundle header: num_shards is " + numShards);
            }
            return new BundleHeader(numShards, producer);
        } catch (IOException e) {
            throw new UserInputException(file, "corrupt tensor bundle header: " + e.getMessage(), e);
        }
    }

    private static int parseProducer(ByteString bytes) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        int producer = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == 8) {
                producer = in.readInt32();
            } else {
                in.skipField(tag);
            }
        }
        return producer;
    }
}
