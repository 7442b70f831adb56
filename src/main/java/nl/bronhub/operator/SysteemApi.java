package nl.bronhub.operator;

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

/** Operator API: the hub's heap (now and peak since start) and the size of its database. */
@RestController
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
        systeem.put("heapMaxBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        systeem.put("databaseBytes", databaseGrootte());
        return systeem;
    }

    private Long databaseGrootte() {
        if (url.startsWith("jdbc:h2:file:")) {
            Path bestand = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
            try {
                return Files.size(bestand);
            } catch (java.io.IOException e) {
                return null;
            }
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        }
        return null;
    }
}
