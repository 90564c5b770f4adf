package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/** The current delete markers under a prefix: the objects that versioning can bring back. */
final class S3DeleteMarkers {

    private S3DeleteMarkers() {
    }

    /** Every page of ListObjectVersions, keeping the delete markers that are the latest version of their key. */
    static List<DeleteMarkerEntry> list(AwsClients clients, ActionContext context, String bucket, String prefix, String region)
            throws ActionException {
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, region);
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        do {
            String key = keyMarker;
            String version = versionMarker;
            ListObjectVersionsResponse page = AwsCall.run(context, clients, "S3", "ListObjectVersions", "s3:ListBucketVersions",
                    () -> s3.listObjectVersions(r -> r.bucket(bucket).prefix(prefix).keyMarker(key).versionIdMarker(version)));
            page.deleteMarkers().stream().filter(m -> Boolean.TRUE.equals(m.isLatest())).forEach(markers::add);
            keyMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextKeyMarker() : null;
            versionMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextVersionIdMarker() : null;
        } while (keyMarker != null);
        return markers;
    }
}
