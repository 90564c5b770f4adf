package dev.drpilot.action.aws;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.ResourceStatus;
import dev.drpilot.action.StatusSource;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

/** An RDS instance's status and endpoint; "not created yet" before a restore makes it. */
public final class RdsInstanceStatus implements StatusSource {

    private final AwsClients clients;
    private final String instance;

    public RdsInstanceStatus(AwsClients clients, String instance) {
        this.clients = clients;
        this.instance = instance;
    }

    @Override
    public String describe() {
        return "RDS instance " + instance;
    }

    @Override
    public List<ResourceStatus> read() throws ActionException {
        try {
            DBInstance db = clients.get(RdsClient.class, RdsClient::builder, null)
                    .describeDBInstances(r -> r.dbInstanceIdentifier(instance))
                    .dbInstances()
                    .getFirst();
            String endpoint =
                    db.endpoint() == null ? "no endpoint yet" : db.endpoint().address();
            return List.of(new ResourceStatus(
                    "RDS instance",
                    instance,
                    db.dbInstanceStatus(),
                    "available".equals(db.dbInstanceStatus()),
                    endpoint));
        } catch (DbInstanceNotFoundException e) {
            return List.of(
                    new ResourceStatus("RDS instance", instance, "not found", false, "not created yet, or deleted"));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "DescribeDBInstances", "rds:DescribeDBInstances", clients.settings());
        }
    }
}
