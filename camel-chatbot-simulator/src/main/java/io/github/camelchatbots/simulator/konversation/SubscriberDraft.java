package io.github.camelchatbots.simulator.konversation;

import java.time.Instant;

/**
 * What a new subscriber is made of, or what an update changes: {@code null} leaves a property as it is. Filled from a
 * request body or by the Java API's builder.
 */
final class SubscriberDraft {

    String firstName;
    String lastName;
    String name;
    String phone;
    String email;
    String gender;
    String image;
    /** Only for new subscribers. */
    String channel;
    String userId;
    String language;
    Instant createdAt;
    Instant optedInEmail;
    Instant optedInSms;
}
