package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Every user of a Cognito pool, page after page, as plain maps (username, status, attributes). */
final class CognitoUsers {

    private CognitoUsers() {}

    static List<Map<String, Object>> all(ActionContext context, AwsClients clients, String poolId, String region)
            throws ActionException {
        CognitoIdentityProviderClient cognito =
                clients.get(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, region);
        List<Map<String, Object>> users = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListUsersResponse response = AwsCall.run(
                    context,
                    clients,
                    "Cognito",
                    "ListUsers",
                    "cognito-idp:ListUsers",
                    () -> cognito.listUsers(r -> r.userPoolId(poolId).paginationToken(page)));
            for (UserType user : response.users()) users.add(describe(user));
            context.progress(users.size() + " user(s) read", null);
            token = response.paginationToken();
        } while (token != null && !token.isEmpty());
        return users;
    }

    private static Map<String, Object> describe(UserType user) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (AttributeType a : user.attributes()) attributes.put(a.name(), a.value());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", user.username());
        out.put("status", String.valueOf(user.userStatusAsString()));
        out.put("enabled", Boolean.TRUE.equals(user.enabled()));
        out.put("attributes", attributes);
        return out;
    }
}
