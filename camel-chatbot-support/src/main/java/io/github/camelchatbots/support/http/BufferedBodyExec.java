package io.github.camelchatbots.support.http;

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Reads the whole body inside the retry loop. A connection that breaks in the middle of a body then surfaces
 * where the retry policy can see it, instead of after the call has already been counted as answered. Vendor
 * answers are small JSON documents, so buffering costs nothing worth noting.
 */
final class BufferedBodyExec implements ExecChainHandler {

    static final String NAME = "camel-chatbots-buffered-body";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            try {
                byte[] body = EntityUtils.toByteArray(entity);
                String contentType = entity.getContentType();
                response.setEntity(new ByteArrayEntity(body, contentType == null ? null : ContentType.parse(contentType)));
            } catch (IOException e) {
                response.close();
                throw e;
            }
        }
        return response;
    }
}
