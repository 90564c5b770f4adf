import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws DR Pilot's icon and writes it in the three forms jpackage wants: PNG (Linux), ICO
 * (Windows) and ICNS (macOS), both of the latter holding the PNG.
 * Run from the checkout: java packaging/icon/DrawIcon.java resources
 */
public final class DrawIcon {

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "resources");
        byte[] png = png(draw(256));
        Files.write(folder.resolve("drpilot.png"), png);
        Files.write(folder.resolve("drpilot.ico"), ico(png));
        Files.write(folder.resolve("drpilot.icns"), icns(png));
    }

    private static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1f, 0x3a, 0x5f));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));
        g.setColor(new Color(0xf5, 0xa6, 0x23));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawArc(40, 40, size - 80, size - 80, 200, 280);
        g.fillPolygon(new int[] {58, 34, 86}, new int[] {176, 142, 146}, 3);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 92));
        String text = "DR";
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (size - width) / 2, size / 2 + 32);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** One 256x256 entry holding the PNG, which Windows Vista and later read. */
    private static byte[] ico(byte[] png) {
        ByteBuffer buffer = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        buffer.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(22);
        buffer.put(png);
        return buffer.array();
    }

    /** An 'ic08' (256x256) element holding the PNG. */
    private static byte[] icns(byte[] png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("icns");
        out.writeInt(8 + 8 + png.length);
        out.writeBytes("ic08");
        out.writeInt(8 + png.length);
        out.write(png);
        return bytes.toByteArray();
    }
}
