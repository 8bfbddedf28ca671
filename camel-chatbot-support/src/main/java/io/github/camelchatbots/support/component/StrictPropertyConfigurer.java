package io.github.camelchatbots.support.component;

import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.EndpointHelper;

/**
 * The generated configurer of a component or its endpoints, with every value given as text checked against the
 * option's catalog type first (see {@link OptionValues}). Camel binds URI options, Camel Main's
 * {@code camel.component.*} properties and the YAML and XML DSLs' parameters through the configurer, so this one
 * place makes every one of them refuse a value that does not parse.
 */
public final class StrictPropertyConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer delegate;
    private final String owner;
    private final Function<String, ComponentModel.Option> options;

    /**
     * @param owner   who is configured, for messages, e.g. {@code ChatBot.com}
     * @param options the catalog's option by name (any case), null for names it does not know
     */
    public StrictPropertyConfigurer(PropertyConfigurer delegate, String owner,
                                    Function<String, ComponentModel.Option> options) {
        this.delegate = delegate;
        this.owner = owner;
        this.options = options;
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        Object checked = value;
        if (value instanceof String text && !EndpointHelper.isReferenceParameter(text)) {
            ComponentModel.Option option = options.apply(name);
            if (option != null) {
                checked = OptionValues.check(owner, option, text);
            }
        }
        return delegate.configure(camelContext, target, name, checked, ignoreCase);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return delegate instanceof PropertyConfigurerGetter getter ? getter.getOptionType(name, ignoreCase) : null;
    }

    @Override
    public String[] getAutowiredNames() {
        return delegate instanceof PropertyConfigurerGetter getter ? getter.getAutowiredNames() : null;
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return delegate instanceof PropertyConfigurerGetter getter
                ? getter.getCollectionValueType(target, name, ignoreCase) : null;
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return delegate instanceof PropertyConfigurerGetter getter
                ? getter.getOptionValue(target, name, ignoreCase) : null;
    }
}
