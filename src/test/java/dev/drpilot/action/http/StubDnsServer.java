package dev.drpilot.action.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DNS server on a loopback UDP port, answering A and CNAME questions from a table the test
 * fills, NXDOMAIN for anything else: enough of RFC 1035 for the JDK's resolver to talk to it.
 */
final class StubDnsServer implements AutoCloseable {

    private static final int A = 1;
    private static final int CNAME = 5;

    private final DatagramSocket socket;
    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Thread loop;

    StubDnsServer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        loop = Thread.ofPlatform().daemon().start(this::serve);
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** @param type "A" or "CNAME" */
    void answer(String name, String type, String value) {
        records.put(name.toLowerCase(Locale.ROOT) + "/" + type, value);
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] reply = reply(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private byte[] reply(ByteBuffer query) {
        short id = query.getShort(0);
        int position = 12;
        StringBuilder name = new StringBuilder();
        for (int length = query.get(position) & 0xff; length > 0; length = query.get(position) & 0xff) {
            if (!name.isEmpty()) name.append('.');
            name.append(
                    new String(query.array(), query.arrayOffset() + position + 1, length, StandardCharsets.US_ASCII));
            position += length + 1;
        }
        int questionEnd = position + 5;
        int type = query.getShort(position + 1) & 0xffff;
        String typeName = type == A ? "A" : type == CNAME ? "CNAME" : "?";
        String value = records.get(name.toString().toLowerCase(Locale.ROOT) + "/" + typeName);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12)
                .putShort(id)
                .putShort((short) (value == null ? 0x8183 : 0x8180))
                .putShort((short) 1)
                .putShort((short) (value == null ? 0 : 1))
                .putShort((short) 0)
                .putShort((short) 0);
        out.writeBytes(header.array());
        out.write(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        if (value != null) {
            byte[] data = type == A ? InetAddress.ofLiteral(value).getAddress() : encode(value);
            out.writeBytes(ByteBuffer.allocate(12)
                    .putShort((short) 0xC00C)
                    .putShort((short) type)
                    .putShort((short) 1)
                    .putInt(60)
                    .putShort((short) data.length)
                    .array());
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    private static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join();
    }
}
