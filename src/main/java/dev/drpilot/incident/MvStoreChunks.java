package dev.drpilot.incident;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;

/**
 * The chunks of an H2 MVStore file, read without H2: each commit of the log wrote one, holding
 * the whole database as it stood then (pages it did not change are those of older chunks). A
 * salvage opens the file at each of them in turn, by pointing the store header at it.
 */
final class MvStoreChunks {

    static final int BLOCK = 4096;
    private static final int HEADER_BLOCKS = 2;
    private static final int MAX_HEADER_LENGTH = 1024;

    /** One chunk: its id, where it starts (in blocks), how many blocks it spans, and the store's version it holds. */
    record Chunk(int id, long block, int length, long version) {}

    private MvStoreChunks() {}

    /** Every block that starts with a readable chunk header, newest chunk first. */
    static List<Chunk> scan(FileChannel file) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        long blocks = file.size() / BLOCK;
        for (long block = HEADER_BLOCKS; block < blocks; block++) {
            Map<String, String> header = fields(read(file, block * BLOCK, MAX_HEADER_LENGTH), "chunk:");
            if (header == null) continue;
            try {
                chunks.add(new Chunk(
                        Integer.parseInt(header.get("chunk"), 16),
                        block,
                        Integer.parseInt(header.get("len"), 16),
                        Long.parseLong(header.get("version"), 16)));
            } catch (RuntimeException notAChunk) {
                // a block that only looks like a chunk header (bytes of a flipped or zeroed one): not a chunk
            }
        }
        chunks.sort(Comparator.comparingInt(Chunk::id).reversed());
        return chunks;
    }

    /** When the store was created, from whichever store header is still readable (0 when neither is). */
    static long created(FileChannel file) throws IOException {
        for (int copy = 0; copy < HEADER_BLOCKS; copy++) {
            Map<String, String> header = fields(read(file, (long) copy * BLOCK, MAX_HEADER_LENGTH), "H:");
            if (header != null && header.get("created") != null) {
                try {
                    return Long.parseLong(header.get("created"), 16);
                } catch (NumberFormatException unreadable) {
                    // the other copy may be readable
                }
            }
        }
        return 0;
    }

    /** Rewrites both store headers so that H2 opens the file at {@code chunk}. */
    static void pointHeaderAt(FileChannel file, Chunk chunk, long created) throws IOException {
        StringBuilder header = new StringBuilder("H:2");
        DataUtils.appendMap(header, "block", chunk.block());
        DataUtils.appendMap(header, "blockSize", BLOCK);
        DataUtils.appendMap(header, "chunk", chunk.id());
        DataUtils.appendMap(header, "created", created);
        DataUtils.appendMap(header, "format", 3);
        DataUtils.appendMap(header, "version", chunk.version());
        byte[] bytes = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        DataUtils.appendMap(header, "fletcher", DataUtils.getFletcher32(bytes, 0, bytes.length));
        header.append('\n');
        bytes = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer blocks = ByteBuffer.allocate(HEADER_BLOCKS * BLOCK);
        blocks.put(bytes).position(BLOCK);
        blocks.put(bytes).rewind();
        file.write(blocks, 0);
    }

    /** Blanks a chunk, so that H2, following the chain of chunks, stops before it. */
    static void erase(FileChannel file, Chunk chunk) throws IOException {
        file.write(ByteBuffer.allocate(chunk.length() * BLOCK), chunk.block() * BLOCK);
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
            // read until full or at the end of the file
        }
        return buffer.flip();
    }

    /** The "key:value,..." line at the start of {@code bytes}, when it starts with {@code prefix}. */
    private static Map<String, String> fields(ByteBuffer bytes, String prefix) {
        StringBuilder line = new StringBuilder();
        while (bytes.hasRemaining()) {
            char c = (char) (bytes.get() & 0xff);
            if (c == '\n' || c == 0) break;
            line.append(c);
        }
        if (!line.toString().startsWith(prefix)) return null;
        Map<String, String> fields = new HashMap<>();
        for (String field : line.toString().split(",")) {
            int colon = field.indexOf(':');
            if (colon > 0) fields.put(field.substring(0, colon), field.substring(colon + 1));
        }
        return fields;
    }
}
