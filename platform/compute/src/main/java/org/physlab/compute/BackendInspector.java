package org.physlab.compute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.api.BackendInfo;

/** Reads what ND4J runs on from its environment information, once the backend is loaded. */
final class BackendInspector {

    private static final Pattern OPENBLAS_VERSION = Pattern.compile("OpenBLAS\\s+([0-9][0-9A-Za-z.\\-]*)");

    private BackendInspector() { }

    static BackendInfo inspect() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        Environment environment = Nd4j.getEnvironment();
        boolean accelerator = !environment.isCPU();
        String backend = String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, accelerator ? "CUDA" : "CPU"))
                .toUpperCase(Locale.ROOT);
        List<String> devices = accelerator ? gpuNames(env) : List.of(cpuName());
        int threads = intOf(env.get(Nd4jEnvironment.OMP_THREADS_KEY), environment.maxMasterThreads());
        return new BackendInfo(backend, accelerator, devices, blas(environment), threads,
                Nd4j.dataType().name(), nd4jVersion());
    }

    /** e.g. {@code OpenBLAS 0.3.19} or {@code cuBLAS 11.6.5}. */
    private static String blas(Environment environment) {
        Blas.Vendor vendor = Nd4j.factory().blas().getBlasVendor();
        String name = switch (vendor) {
            case OPENBLAS -> "OpenBLAS";
            case CUBLAS -> "cuBLAS";
            case MKL -> "MKL";
            default -> vendor.name();
        };
        String version = null;
        if (vendor == Blas.Vendor.OPENBLAS) {
            version = openBlasVersion();
        }
        if (version == null && environment.blasMajorVersion() > 0) {
            version = environment.blasMajorVersion() + "." + environment.blasMinorVersion() + "." + environment.blasPatchVersion();
        }
        return version == null ? name : name + " " + version;
    }

    /**
     * The version of the bundled OpenBLAS, which its JavaCPP bindings record as
     * {@code OPENBLAS_VERSION = " OpenBLAS 0.3.19 "}. Read reflectively: the bindings are absent from a CUDA build.
     */
    private static String openBlasVersion() {
        try {
            Object version = Class.forName("org.bytedeco.openblas.global.openblas_nolapack")
                    .getField("OPENBLAS_VERSION").get(null);
            Matcher m = OPENBLAS_VERSION.matcher(String.valueOf(version));
            return m.find() ? m.group(1) : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static List<String> gpuNames(Properties env) {
        List<String> names = new ArrayList<>();
        if (env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> list) {
            for (Object device : list) {
                if (device instanceof Map<?, ?> m && m.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY) != null) {
                    names.add(String.valueOf(m.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)));
                }
            }
        }
        return names;
    }

    /** The CPU model from {@code /proc/cpuinfo} where there is one, with the core count. */
    private static String cpuName() {
        int cores = Runtime.getRuntime().availableProcessors();
        String model = null;
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                model = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .filter(s -> !s.isEmpty()).findFirst().orElse(null);
            } catch (IOException | RuntimeException e) {
                model = null;
            }
        }
        if (model == null) {
            model = System.getProperty("os.arch", "CPU");
        }
        return model + " (" + cores + (cores == 1 ? " core)" : " cores)");
    }

    /** The version in nd4j-api's Maven metadata, e.g. {@code 1.0.0-M2.1}. */
    private static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) return v.trim();
            }
        } catch (IOException e) {
            // fall through
        }
        String v = Nd4j.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    private static int intOf(Object value, int fallback) {
        if (value == null) return fallback;
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
