package cn.qinghai.ledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two JSON mappers on purpose. The web's mapper is strict with what clients send: unknown fields,
 * nesting deeper than {@value #MAX_DEPTH}, huge strings and control characters are refused (400 naming
 * the field). Axon's mapper ({@code defaultAxonObjectMapper}) reads the stored events and must stay
 * lenient and stable, whatever the web accepts, so old events always deserialize.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 100_000;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequests() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory()
                        .setStreamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH)
                                .maxStringLength(MAX_STRING_LENGTH)
                                .maxNumberLength(40)
                                .build()))
                .modulesToInstall(
                        new SimpleModule("plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
    }

    /** The web's mapper, as Spring Boot would build it (properties and customizers); primary. */
    @Bean
    @Primary
    ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }

    /** The mapper of Axon's Jackson serializer: events, messages, tokens, snapshots, deadlines. */
    @Bean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Refuses text with control characters (other than tab, line feed, carriage return) and with
     * bidirectional overrides, which can disguise what a record says when it is displayed.
     */
    static final class PlainTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && !isPlainText(value)) {
                return (String) context.handleWeirdStringValue(
                        String.class, value, "control or bidirectional-override characters are not accepted");
            }
            return value;
        }

        static boolean isPlainText(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
                boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
                if (control || bidi || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean validSurrogate(String value, int i) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            }
            return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
        }
    }
}
