package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * How picocli makes the commands and their shared options: one whose constructor takes the
 * services is given the process's {@link DrPilotServices}; anything else picocli makes as usual.
 */
public final class CommandFactory implements CommandLine.IFactory {

    private final DrPilotServices services;

    public CommandFactory(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == DrPilotServices.class) {
                return type.cast(constructor.newInstance(services));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
