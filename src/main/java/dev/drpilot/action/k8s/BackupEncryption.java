package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM for the Secrets of a backup: base64 of a 12-byte nonce followed by the ciphertext and tag. */
final class BackupEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupEncryption() {}

    static String encrypt(String clear, String base64Key) throws ActionException {
        byte[] key = key(base64Key);
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new ActionException("Could not encrypt the Secrets: " + e.getMessage(), false, e);
        }
    }

    static String decrypt(String sealedBase64, String base64Key) throws GeneralSecurityException, ActionException {
        byte[] all = Base64.getDecoder().decode(sealedBase64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE, new SecretKeySpec(key(base64Key), "AES"), new GCMParameterSpec(128, all, 0, 12));
        return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }

    private static byte[] key(String base64Key) throws ActionException {
        if (base64Key == null || base64Key.isBlank()) {
            throw ActionException.permanent(
                    "secrets: encrypt needs a backup key in DRPILOT_BACKUP_KEY (create one with"
                            + " `openssl rand -base64 32` and keep it in your password manager); nothing was written. Or use secrets: omit.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw ActionException.permanent(
                    "DRPILOT_BACKUP_KEY is not base64: create one with `openssl rand -base64 32`");
        }
        if (key.length != 32)
            throw ActionException.permanent(
                    "DRPILOT_BACKUP_KEY must be 32 bytes (base64 of `openssl rand -base64 32`), not " + key.length);
        return key;
    }
}
