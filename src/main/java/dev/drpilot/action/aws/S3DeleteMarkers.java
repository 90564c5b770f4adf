package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The deleted objects under a prefix, read from every page of ListObjectVersions: keys whose
 * latest version is a delete marker. Those with a data version below the markers can be brought
 * back; a key deleted twice has two markers above its data, and both must go.
 */
final class S3DeleteMarkers {

    /** A deleted key that has data: the markers at or above its newest data version, newest first. */
    record DeletedKey(String key, List<DeleteMarkerEntry> markers) {}

    /** What the listing found: the keys that can come back, and the deleted keys with no data version at all. */
    record Listing(List<DeletedKey> restorable, List<String> withoutData) {}

    private S3DeleteMarkers() {}

    static Listing list(AwsClients clients, ActionContext context, String bucket, String prefix, String region)
            throws ActionException {
        Map<String, List<DeleteMarkerEntry>> markers = new TreeMap<>();
        Map<String, Instant> newestData = new TreeMap<>();
        Set<String> deleted = new TreeSet<>();
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, region);
        String keyMarker = null;
        String versionMarker = null;
        do {
            String key = keyMarker;
            String version = versionMarker;
            ListObjectVersionsResponse page = AwsCall.run(
                    context,
                    clients,
                    "S3",
                    "ListObjectVersions",
                    "s3:ListBucketVersions",
                    () -> s3.listObjectVersions(
                            r -> r.bucket(bucket).prefix(prefix).keyMarker(key).versionIdMarker(version)));
            for (DeleteMarkerEntry marker : page.deleteMarkers()) {
                markers.computeIfAbsent(marker.key(), k -> new ArrayList<>()).add(marker);
                if (Boolean.TRUE.equals(marker.isLatest())) deleted.add(marker.key());
            }
            for (ObjectVersion data : page.versions()) {
                newestData.merge(data.key(), data.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
            }
            keyMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextKeyMarker() : null;
            versionMarker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextVersionIdMarker() : null;
        } while (keyMarker != null);
        List<DeletedKey> restorable = new ArrayList<>();
        List<String> withoutData = new ArrayList<>();
        for (String key : deleted) {
            Instant data = newestData.get(key);
            if (data == null) {
                withoutData.add(key);
                continue;
            }
            restorable.add(new DeletedKey(
                    key,
                    markers.get(key).stream()
                            .filter(m -> !m.lastModified().isBefore(data))
                            .sorted(Comparator.comparing(DeleteMarkerEntry::lastModified)
                                    .reversed())
                            .toList()));
        }
        return new Listing(restorable, withoutData);
    }
}
