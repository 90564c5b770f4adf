package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.aws.MotoServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.rds.RdsClient;

/** A read the operator's identity is not allowed: its rows are unknown, naming the IAM action to ask for, and nothing is called breached. */
class ReadinessAccessDeniedTest {

    @Test
    void aDeniedReadIsUnknownNamingTheIamAction() throws Exception {
        try (MotoServer moto = MotoServer.startEnforcingIam(4);
                AwsClients admin = new AwsClients(moto.settings("us-west-2"))) {
            IamClient iam = admin.get(IamClient.class, IamClient::builder, "us-east-1");
            iam.createUser(r -> r.userName("auditor"));
            AccessKey key = iam.createAccessKey(r -> r.userName("auditor")).accessKey();
            iam.putUserPolicy(
                    r -> r.userName("auditor").policyName("rds-instances-only").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Action": ["sts:GetCallerIdentity", "rds:DescribeDBInstances"], "Resource": "*"}]}"""));
            admin.get(RdsClient.class, RdsClient::builder, null)
                    .createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                            .engine("postgres")
                            .dbInstanceClass("db.t3.micro")
                            .allocatedStorage(20)
                            .masterUsername("druid")
                            .masterUserPassword("not-used-here")
                            .backupRetentionPeriod(30)
                            .preferredBackupWindow("03:00-04:00"));

            AwsSettings auditor = new AwsSettings(
                    "auditor",
                    "us-west-2",
                    moto.endpoint,
                    StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
            ReadinessConfig rdsOnly = new ReadinessConfig(
                    null, null, "druid-metadata", Duration.ofDays(1), null, null, null, null, null, null, null);
            try (AwsClients aws = new AwsClients(auditor)) {
                ReadinessReport report = new ReadinessChecks(aws, Clock.systemUTC()).run(rdsOnly);

                assertThat(report.rows())
                        .filteredOn(r -> r.verdict() == Verdict.MET)
                        .extracting(ReadinessRow::name)
                        .containsExactly(
                                "Druid RDS corruption RPO: < 5 minutes (PITR granularity)",
                                "RDS Automated backups: 30 days",
                                "RDS automated backup window: 03:00-04:00");
                assertThat(report.rows())
                        .filteredOn(r -> r.verdict() == Verdict.UNKNOWN)
                        .extracting(ReadinessRow::name)
                        .containsExactly(
                                "Druid data corruption RPO: snapshot interval (newest manual RDS snapshot)",
                                "RDS Manual Snapshots: 90 days");
                // moto's RDS answers a denied call with a bare 403 (real AWS says AccessDenied; AwsErrorsTest covers
                // that wording)
                assertThat(report.rows())
                        .filteredOn(r -> r.verdict() == Verdict.UNKNOWN)
                        .allSatisfy(row -> assertThat(row.detail())
                                .startsWith(
                                        "AWS refused your credentials (profile auditor) for RDS DescribeDBSnapshots")
                                .contains("they lack rds:DescribeDBSnapshots"));
                assertThat(report.exitCode()).isEqualTo(ReadinessReport.UNKNOWN_ONLY);
            }
        }
    }
}
