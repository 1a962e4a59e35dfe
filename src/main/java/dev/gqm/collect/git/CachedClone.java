package dev.gqm.collect.git;

import dev.gqm.collect.SourceException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A bare clone of a remote repository kept under {@code cacheDir/repos/}: cloned once, then
 * fetched (all branches and tags, pruned) on each later run.
 *
 * <p>Credentials written into the URL ({@code https://user:token@host/...}) are handed to JGit
 * as a credentials provider and never stored: the clone's config, the cache directory name and
 * {@link #displayUrl()} all use the URL without them.
 */
final class CachedClone {
    private static final Pattern URL = Pattern.compile("^(?:(?:https?|ssh|git|file)://|[^/\\s:@]+@[^/\\s:]+:).*");

    private static final String REMOTE = "origin";

    private final String displayUrl;
    private final String cloneUrl;
    private final CredentialsProvider credentials;

    private CachedClone(String displayUrl, String cloneUrl, CredentialsProvider credentials) {
        this.displayUrl = displayUrl;
        this.cloneUrl = cloneUrl;
        this.credentials = credentials;
    }

    /** True for the URL forms gqm clones: http(s), ssh, git, file and scp-like {@code user@host:path}. */
    static boolean isUrl(String pathOrUrl) {
        return URL.matcher(pathOrUrl).matches();
    }

    static CachedClone of(String url) throws SourceException {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            throw new SourceException("not a valid clone URL: " + e.getMessage());
        }
        String user = uri.getUser();
        String pass = uri.getPass();
        String scheme = uri.getScheme();
        boolean http = scheme != null && scheme.startsWith("http");
        boolean ssh = scheme == null ? uri.getHost() != null : scheme.contains("ssh");
        if (ssh && SshSessionFactory.getInstance() == null) {
            // JGit's SSH transport is a separate module that this build does not bundle
            throw new SourceException("cannot reach " + uri.setPass(null) + ": SSH URLs are not supported;"
                    + " use the https:// URL or the path of a local clone");
        }
        // Over HTTP the user part is usually a token too; over SSH it is a login name (git@).
        boolean secretUser = http && user != null;
        if (pass == null && !secretUser) {
            return new CachedClone(url, url, null);
        }
        URIish clean = http ? uri.setUser(null).setPass(null) : uri.setPass(null);
        CredentialsProvider credentials = new UsernamePasswordCredentialsProvider(
                user == null ? "" : user, pass == null ? "" : pass);
        return new CachedClone(clean.toString(), clean.toString(), credentials);
    }

    /** The URL as given, minus any password or HTTP token. */
    String displayUrl() {
        return displayUrl;
    }

    /** Clones on first use, fetches afterwards; returns the bare repository's directory. */
    Path update(Path cacheDir) throws SourceException {
        Path repos = cacheDir.resolve("repos");
        Path target = repos.resolve(directoryName());
        try {
            Files.createDirectories(repos);
        } catch (IOException e) {
            throw new SourceException("cannot create the clone cache " + repos + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(target)) {
            if (!FileKey.isGitRepository(target.toFile(), FS.DETECTED)) {
                throw new SourceException("the cached clone " + target + " is damaged: delete it and run again");
            }
            fetch(target);
        } else {
            cloneInto(repos, target);
        }
        return target;
    }

    private void fetch(Path gitDir) throws SourceException {
        try (Git git = Git.open(gitDir.toFile())) {
            fetch(git);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new SourceException("cannot reach " + displayUrl + ": " + reason(e), e);
        }
    }

    private FetchResult fetch(Git git) throws GitAPIException {
        return git.fetch()
                .setRemote(REMOTE)
                .setRemoveDeletedRefs(true)
                .setTagOpt(TagOpt.FETCH_TAGS)
                .setCredentialsProvider(credentials)
                .call();
    }

    /**
     * Mirrors branches and tags (so deleted ones are pruned too) and keeps JGit's automatic gc
     * in the foreground: a detached gc would still be writing when the clone is moved or closed.
     */
    private static void configure(Git git, String url) throws IOException, URISyntaxException, GitAPIException {
        StoredConfig config = git.getRepository().getConfig();
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
        config.save();
        git.remoteAdd().setName(REMOTE).setUri(new URIish(url)).call();
        RemoteConfig remote = new RemoteConfig(config, REMOTE);
        remote.setFetchRefSpecs(List.of(
                new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_HEADS + "*"),
                new RefSpec("+" + Constants.R_TAGS + "*:" + Constants.R_TAGS + "*")));
        remote.update(config);
        config.save();
    }

    /** HEAD follows the remote's default branch, as {@code git clone --bare} does. */
    private static void pointHeadAtDefaultBranch(Repository repository, FetchResult result) throws IOException {
        Ref remoteHead = result.getAdvertisedRef(Constants.HEAD);
        String target = null;
        if (remoteHead != null && remoteHead.isSymbolic()) {
            target = remoteHead.getTarget().getName();
        } else if (remoteHead != null && remoteHead.getObjectId() != null) {
            List<Ref> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
            for (String preferred : List.of("main", "master")) {
                for (Ref b : branches) {
                    if (target == null && b.getName().equals(Constants.R_HEADS + preferred)
                            && remoteHead.getObjectId().equals(b.getObjectId())) {
                        target = b.getName();
                    }
                }
            }
            for (Ref b : branches) {
                if (target == null && remoteHead.getObjectId().equals(b.getObjectId())) {
                    target = b.getName();
                }
            }
        }
        if (target != null && repository.exactRef(target) != null) {
            RefUpdate.Result linked = repository.updateRef(Constants.HEAD).link(target);
            if (linked != RefUpdate.Result.NEW && linked != RefUpdate.Result.FORCED
                    && linked != RefUpdate.Result.NO_CHANGE) {
                throw new IOException("cannot point HEAD at " + target + ": " + linked);
            }
        }
    }

    // Clone into a scratch directory and move it into place, so an interrupted clone never
    // leaves a half-filled cache entry that later runs would take for a repository.
    private void cloneInto(Path repos, Path target) throws SourceException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory(repos, target.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new SourceException("cannot create the clone cache " + repos + ": " + e.getMessage(), e);
        }
        try (Git git = Git.init().setBare(true).setDirectory(scratch.toFile()).call()) {
            configure(git, cloneUrl);
            FetchResult result = fetch(git);
            pointHeadAtDefaultBranch(git.getRepository(), result);
        } catch (GitAPIException | IOException | URISyntaxException | RuntimeException e) {
            SourceException failure = new SourceException("cannot reach " + displayUrl + ": " + reason(e), e);
            try {
                delete(scratch);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SourceException("cannot store the clone of " + displayUrl + " in " + target + ": "
                    + e.getMessage() + " (remove " + scratch + ")", e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** {@code <name>-<12 hex of sha256(url)>}: readable, and distinct for same-named repositories. */
    String directoryName() {
        String name;
        try {
            name = new URIish(cloneUrl).getHumanishName();
        } catch (URISyntaxException | IllegalArgumentException e) {
            name = "repo";
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "-");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "repo" + name;
        }
        return name + "-" + shortHash(cloneUrl);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** The top message without its URL prefix, plus the root cause when it adds something. */
    private String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = withoutUrl(e.getMessage());
        String cause = root instanceof UnknownHostException
                ? "unknown host " + root.getMessage()
                : withoutUrl(root.getMessage());
        // "Invalid remote: origin" names our own remote, not the problem
        if (top == null || top.isBlank() || e instanceof InvalidRemoteException) {
            return cause != null ? cause : root.getClass().getSimpleName();
        }
        return root == e || cause == null || top.contains(cause) ? top : top + " (" + cause + ")";
    }

    // JGit starts many messages with the URL, which the caller already names
    private String withoutUrl(String message) {
        if (message == null) {
            return null;
        }
        for (String prefix : List.of(cloneUrl + ": ", displayUrl + ": ")) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }
}
