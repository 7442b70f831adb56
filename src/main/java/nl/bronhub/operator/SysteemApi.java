package nl.bronhub.operator;

import com.sun.management.OperatingSystemMXBean;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API: the hub's heap (now, after the last collection, and peak since start), the size of its database, and the
 * CPU time it used since start.
 */
@RestController
@Tag(name = "systeem", description = "Geheugen en processortijd van de hub en de grootte van de database")
public class SysteemApi {

    private final JdbcTemplate jdbc;
    private final String url;

    public SysteemApi(JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url) {
        this.jdbc = jdbc;
        this.url = url;
    }

    @GetMapping("/operator/systeem")
    public Map<String, Object> systeem() {
        long piek = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                piek += pool.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> systeem = new LinkedHashMap<>();
        systeem.put("heapGebruiktBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        systeem.put("heapPiekBytes", piek);
        systeem.put("heapNaGcBytes", heapNaLaatsteGc());
        systeem.put("heapMaxBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        systeem.put("databaseBytes", databaseGrootte());
        // the CPU the hub used since it started, and the cores it may use: CPU per bericht is what a run on a busy
        // machine can compare, where the rates spread with everything else that runs (BENCHMARKS.md)
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            systeem.put("processortijdMs", os.getProcessCpuTime() / 1_000_000);
        }
        systeem.put("processoren", Runtime.getRuntime().availableProcessors());
        return systeem;
    }

    /**
     * The heap just after the last collection: what the hub holds on to. Unlike the heap in use (a
     * saw-tooth that follows the collector), this grows only when something accumulates.
     */
    private static Long heapNaLaatsteGc() {
        long laatste = -1;
        Long naGc = null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean g && g.getLastGcInfo() != null
                    && g.getLastGcInfo().getEndTime() > laatste) {
                laatste = g.getLastGcInfo().getEndTime();
                naGc = g.getLastGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            }
        }
        return naGc;
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    private Long databaseGrootte() {
        if (url.startsWith("jdbc:h2:file:")) {
            Path bestand = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
            try {
                return Files.size(bestand);
            } catch (IOException e) {
                return null;
            }
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        }
        return null;
    }
}
