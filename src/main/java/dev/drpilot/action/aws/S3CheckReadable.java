package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * aws.s3.checkReadable: proves the objects under a prefix can be read again: lists the current
 * version of each (ListObjectsV2, so a key still under a delete marker is not there) and reads the
 * first byte of each (GetObject with a range), which fails for an object that is listed but not
 * readable (archived to Glacier, encrypted with a key the reader may not use).
 */
public final class S3CheckReadable implements Action {

    private static final int SHOWN = 10;

    private final AwsClients clients;

    public S3CheckReadable(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.checkReadable";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String prefix = args.required("prefix");
        String atLeastText = args.text("atLeast");
        int atLeast = atLeastText == null || atLeastText.isBlank() ? 1 : args.integer("atLeast");
        if (atLeast < 1)
            throw ActionException.permanent(
                    "atLeast: " + atLeast + " proves nothing; give how many objects must be readable (1 or more)");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        List<S3Object> objects = list(context, s3, bucket, prefix);
        List<String> unreadable = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (context.cancelled()) throw new InterruptedException();
            S3Object object = objects.get(i);
            String problem = firstByte(context, s3, bucket, object);
            if (problem != null) unreadable.add(object.key() + " (" + problem + ")");
            else bytes += object.size();
            context.progress("Read " + (i + 1) + " of " + objects.size() + " object(s)", (i + 1.0) / objects.size());
        }
        String where = "s3://" + bucket + "/" + prefix;
        int readable = objects.size() - unreadable.size();
        if (!unreadable.isEmpty() || readable < atLeast) {
            String found = objects.size() + " object(s) under " + where
                    + (unreadable.isEmpty()
                            ? ""
                            : ", " + unreadable.size() + " unreadable: "
                                    + String.join(", ", unreadable.subList(0, Math.min(SHOWN, unreadable.size())))
                                    + (unreadable.size() > SHOWN ? ", ..." : ""));
            throw ActionException.permanent(
                    "Expected at least " + atLeast + " readable object(s) and none unreadable under " + where
                            + ", found " + found
                            + ". Check the undelete step's keys, the objects' storage class and KMS key, then retry this step.");
        }
        return ActionResult.checked(
                readable + " object(s) under " + where + " are readable (" + bytes + " bytes)",
                Map.of("readable", readable, "bytes", bytes, "unreadable", unreadable),
                "the current version of each of the " + readable + " object(s) under " + where
                        + " listed and its first byte read (GetObject)");
    }

    private List<S3Object> list(ActionContext context, S3Client s3, String bucket, String prefix)
            throws ActionException {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListObjectsV2Response page = AwsCall.run(
                    context,
                    clients,
                    "S3",
                    "ListObjectsV2",
                    "s3:ListBucket",
                    () -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(from)));
            objects.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    /** Null when the object's first byte reads; otherwise why not, in S3's words. */
    private String firstByte(ActionContext context, S3Client s3, String bucket, S3Object object)
            throws ActionException {
        clients.checkIdentity(context);
        boolean empty = object.size() == null || object.size() == 0;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> {
            r.bucket(bucket).key(object.key());
            if (!empty) r.range("bytes=0-0");
        })) {
            context.apiCall(
                    "S3",
                    "GetObject " + object.key(),
                    in.response().responseMetadata().requestId());
            return empty || read(in) ? null : "no byte came back";
        } catch (AwsServiceException e) {
            context.apiCall("S3", "GetObject " + object.key() + " (failed)", null);
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("AccessDenied".equals(code))
                throw AwsErrors.translate(
                        e, "S3 GetObject", "s3:GetObject (and kms:Decrypt for SSE-KMS objects)", clients.settings());
            return code == null ? "HTTP " + e.statusCode() : code;
        } catch (SdkException e) {
            context.apiCall("S3", "GetObject " + object.key() + " (failed)", null);
            throw AwsErrors.translate(e, "S3 GetObject", "s3:GetObject", clients.settings());
        } catch (IOException e) {
            return "the read broke off: " + e.getMessage();
        }
    }

    private static boolean read(InputStream in) throws IOException {
        return in.read() >= 0;
    }
}
