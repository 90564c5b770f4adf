package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A PutObject whose effect is read back: it sends the body's SHA-256 (S3 refuses a body that does
 * not match it), then reads the object's size and SHA-256 back (HeadObject) and fails when S3 holds
 * anything else, so an upload is never reported for an object that is not the one sent.
 */
final class S3Upload {

    private S3Upload() {}

    /** Uploads a file; returns what the read-back checked. */
    static String file(ActionContext context, AwsClients clients, S3Client s3, String bucket, String key, Path file)
            throws ActionException {
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw ActionException.permanent(
                    "Cannot read " + file + " (" + e.getMessage() + "): fix its permissions, then retry this step");
        }
        return put(context, clients, s3, bucket, key, null, RequestBody.fromFile(file), size, digest.digest());
    }

    /** Uploads bytes made in memory (an export); returns what the read-back checked. */
    static String bytes(
            ActionContext context,
            AwsClients clients,
            S3Client s3,
            String bucket,
            String key,
            String contentType,
            byte[] body)
            throws ActionException {
        return put(
                context,
                clients,
                s3,
                bucket,
                key,
                contentType,
                RequestBody.fromBytes(body),
                body.length,
                sha256().digest(body));
    }

    private static String put(
            ActionContext context,
            AwsClients clients,
            S3Client s3,
            String bucket,
            String key,
            String contentType,
            RequestBody body,
            long size,
            byte[] digest)
            throws ActionException {
        String sha256 = Base64.getEncoder().encodeToString(digest);
        AwsCall.run(
                context,
                clients,
                "S3",
                "PutObject",
                "s3:PutObject",
                () -> s3.putObject(
                        r -> r.bucket(bucket)
                                .key(key)
                                .contentType(contentType)
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                .checksumSHA256(sha256),
                        body));
        String uri = "s3://" + bucket + "/" + key;
        Optional<HeadObjectResponse> head = AwsCall.ifFound(
                context,
                clients,
                "S3",
                "HeadObject",
                "s3:GetObject",
                () -> s3.headObject(r -> r.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED)));
        if (head.isEmpty() || !same(head.get(), size, sha256)) {
            String found = head.map(h -> h.contentLength() + " bytes with "
                            + (h.checksumSHA256() == null ? "no SHA-256" : "SHA-256 " + h.checksumSHA256()))
                    .orElse("no object");
            throw ActionException.permanent(
                    "Expected " + uri + " to hold the " + size + " bytes uploaded (SHA-256 " + sha256 + "), found "
                            + found + ": something else wrote or deleted it; find it, then retry this step.");
        }
        return uri + " reads back with " + size + " bytes and the SHA-256 uploaded (HeadObject)";
    }

    private static boolean same(HeadObjectResponse head, long size, String sha256) {
        return Long.valueOf(size).equals(head.contentLength()) && sha256.equals(head.checksumSHA256());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
