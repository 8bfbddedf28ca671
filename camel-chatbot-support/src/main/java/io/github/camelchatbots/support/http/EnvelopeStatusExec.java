package io.github.camelchatbots.support.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Gives a successful answer that carries an error envelope the status that envelope stands for, inside the retry
 * loop and the rate limit: a vendor that answers "too many requests" with HTTP 200 is then backed off, retried and
 * paused like one that answers 429, and a refused key is not retried, as with 401. The answer's original status is
 * kept in the context for the error message.
 * <p>
 * Sits between the rate limit and the body buffering, so the body it reads is already in memory.
 */
final class EnvelopeStatusExec implements ExecChainHandler {

    static final String NAME = "camel-chatbots-envelope-status";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        VendorErrorModel errors = CallAttributes.errorModel(scope.clientContext);
        HttpEntity entity = response.getEntity();
        if (errors == null || entity == null || !entity.isRepeatable() || response.getCode() < 200
            || response.getCode() >= 300) {
            return response;
        }
        int status = envelopeStatus(errors, EntityUtils.toString(entity));
        if (status != 0) {
            scope.clientContext.setAttribute(CallAttributes.ENVELOPE_STATUS, response.getCode());
            response.setCode(status);
        }
        return response;
    }

    /** The status the body's error envelope stands for, 0 when the body is not one (or not JSON at all). */
    static int envelopeStatus(VendorErrorModel errors, String body) {
        String trimmed = body.stripLeading();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return 0;
        }
        try {
            JsonNode json = ChatbotJson.mapper().readTree(body);
            int status = errors.envelopeStatus(json);
            return status >= 400 && status < 600 ? status : 0;
        } catch (IOException notJson) {
            // the caller reports the malformed answer
            return 0;
        }
    }
}
