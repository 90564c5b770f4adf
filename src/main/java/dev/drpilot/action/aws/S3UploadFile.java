package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** aws.s3.uploadFile: stores a local backup file (a Kubernetes export) in S3 and reads its size and SHA-256 back. */
public final class S3UploadFile implements Action {

    private final AwsClients clients;

    public S3UploadFile(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.uploadFile";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        Path file = Path.of(args.required("file")).toAbsolutePath();
        String bucket = args.required("bucket");
        String key = args.required("key");
        if (!Files.isRegularFile(file)) throw ActionException.permanent("There is no file " + file + " to upload");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        String checked = S3Upload.file(context, clients, s3, bucket, key, file);
        String uri = "s3://" + bucket + "/" + key;
        return ActionResult.checked("Uploaded " + file.getFileName() + " to " + uri, Map.of("uri", uri), checked);
    }
}
