package dev.gqm.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The repositories an OSPO compares with {@code gqm report --portfolio FILE}:
 *
 * <pre>{@code
 * repositories:
 *   - repo: https://github.com/o/a.git   # git path or URL (required); a relative path is relative to this file
 *     github: o/a                        # optional: OWNER/REPO for issue and change metrics
 *     name: a                            # optional: [a-z0-9-]+, unique; default from repo (its last segment that names the project)
 *     group: platform                    # optional
 *     branch: main                       # optional
 * }</pre>
 *
 * YAML 1.2 loaded safely (composed nodes only, no types constructed, bounded aliases and size);
 * every problem is reported at once as {@code FILE:LINE:COL: what}.
 */
record PortfolioFile(List<PortfolioRepository> repositories) {
    PortfolioFile {
        repositories = List.copyOf(repositories);
        if (repositories.isEmpty()) {
            throw new IllegalArgumentException("a portfolio lists at least one repository");
        }
    }

    /** Reads and checks the file; exit 2 (usage) with every located problem when it is not a valid portfolio. */
    static PortfolioFile load(Path file) {
        return new PortfolioFileReader(file).read();
    }
}
