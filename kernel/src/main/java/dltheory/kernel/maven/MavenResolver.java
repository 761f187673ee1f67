package dltheory.kernel.maven;

import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.apache.maven.repository.supplier.RepositorySystemSupplier;
import org.apache.maven.repository.supplier.SessionBuilderSupplier;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactProperties;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferListener;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Maven artifacts and their runtime dependencies to jar files with Maven Resolver, the way
 * Maven 3 does: the local repository and remote repositories of the user's {@code settings.xml}
 * (mirrors, proxies, server credentials, active profiles' repositories, offline mode), then Maven
 * Central and the repositories added with {@link #addRepository}.
 *
 * <p>Creating one reads the settings and builds the repository system (about 0.1 s); the kernel does
 * it on the first {@code %maven}, so sessions that never use Maven do not load the resolver.
 */
public final class MavenResolver implements AutoCloseable {
    /** Maven Central, under the id Maven gives it (artifacts in the local repository are recorded under it). */
    public static final String CENTRAL_ID = "central";
    /** Maven Central's address. */
    public static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";
    /** The scopes {@code %%loadFromPOM} takes dependencies from when none are given (IJava's). */
    public static final List<String> DEFAULT_POM_SCOPES = List.of("compile", "runtime", "system", "import");

    private static final String PREFIXES_FILTER = "aether.remoteRepositoryFilter.prefixes";
    private static final String CONNECT_TIMEOUT = "aether.transport.http.connectTimeout";
    private static final String REQUEST_TIMEOUT = "aether.transport.http.requestTimeout";
    /** Time-out of a connection to a repository (the resolver's default: 30 s). */
    static final int CONNECT_TIMEOUT_MS = 10_000;
    /**
     * Longest wait for a repository's next bytes once connected (the resolver's default: 30 minutes); a
     * download that goes on sending is not limited.
     */
    static final int REQUEST_TIMEOUT_MS = 15_000;

    /** Ivy's {@code organisation#name[#branch];revision}, which IJava accepted as well. */
    private static final Pattern IVY = Pattern.compile("^([^#;:\\s]+)#([^#;:\\s]+)(?:#[^#;:\\s]+)?;([^#;\\s]+)$");

    private final RepositorySystem system;
    private final Settings settings;
    private final Path localRepository;
    private final List<RemoteRepository> profileRepositories = new ArrayList<>();
    private final List<RemoteRepository> added = new ArrayList<>();
    private PrintStream log;

    /**
     * Reads the settings and creates the repository system.
     *
     * @param setup where the settings files are
     * @throws ResolutionException if a settings file is malformed
     */
    public MavenResolver(MavenSetup setup) throws ResolutionException {
        this.settings = readSettings(setup);
        Path local;
        if (setup.localRepository() != null) {
            local = setup.localRepository();
        } else if (settings.getLocalRepository() != null && !settings.getLocalRepository().isBlank()) {
            local = Path.of(settings.getLocalRepository());
        } else {
            local = Path.of(System.getProperty("user.home"), ".m2", "repository");
        }
        this.localRepository = local.toAbsolutePath().normalize();
        Set<String> active = new HashSet<>(settings.getActiveProfiles());
        for (Profile p : settings.getProfiles()) {
            boolean byDefault = p.getActivation() != null && p.getActivation().isActiveByDefault();
            if (active.contains(p.getId()) || byDefault) {
                for (org.apache.maven.settings.Repository r : p.getRepositories()) {
                    profileRepositories.add(remote(r.getId(), r.getUrl(),
                            r.getReleases() == null || r.getReleases().isEnabled(),
                            r.getSnapshots() == null || r.getSnapshots().isEnabled()));
                }
            }
        }
        this.system = new RepositorySystemSupplier().get();
    }

    private static Settings readSettings(MavenSetup setup) throws ResolutionException {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (setup.userSettings() != null) {
            request.setUserSettingsFile(setup.userSettings().toFile());
        }
        if (setup.globalSettings() != null) {
            request.setGlobalSettingsFile(setup.globalSettings().toFile());
        }
        request.setSystemProperties(System.getProperties());
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new ResolutionException("cannot read the Maven settings: " + e.getMessage(), e);
        }
    }

    /** Where to report each transfer from a remote repository (IJava's {@code -v}); null: quiet. */
    public void log(PrintStream out) {
        this.log = out;
    }

    /** The local repository artifacts are read from and downloaded to. */
    public Path localRepository() {
        return localRepository;
    }

    /** True if the settings say {@code <offline>true</offline>}: only the local repository is used. */
    public boolean offline() {
        return settings.isOffline();
    }

    /**
     * Adds a remote repository searched by {@link #resolve} after Maven Central (IJava's
     * {@code %mavenRepo id url}); an id already added is given the new address.
     *
     * @param id  repository id (also the id of its mirror and credentials in {@code settings.xml})
     * @param url its address, e.g. {@code https://...} or {@code file:///...}
     * @throws ResolutionException if the id is blank or the address is not an absolute URL
     */
    public void addRepository(String id, String url) throws ResolutionException {
        if (id == null || id.isBlank()) {
            throw new ResolutionException("the repository id must not be blank");
        }
        checkUrl(url);
        added.removeIf(r -> r.getId().equals(id));
        added.add(remote(id, url, true, true));
    }

    /** The repositories {@link #resolve} searches, in order (before mirrors are applied). */
    public List<RemoteRepository> repositories() {
        List<RemoteRepository> out = new ArrayList<>(profileRepositories);
        out.add(remote(CENTRAL_ID, CENTRAL_URL, true, false));
        out.addAll(added);
        return out;
    }

    /**
     * Resolves artifacts and their compile and runtime dependencies, in one graph (so versions of
     * shared dependencies are mediated once, as in a POM listing them).
     *
     * @param coordinates {@code groupId:artifactId[:extension[:classifier]]:version}, or Ivy's
     *                    {@code group#name;version}
     * @param fromUrls    repositories to use instead of the default ones (IJava's {@code --from}), or empty
     * @return the artifacts' files, the requested ones first, without duplicates
     * @throws ResolutionException naming the coordinate when an artifact is missing or a coordinate is malformed
     */
    public List<Path> resolve(List<String> coordinates, List<String> fromUrls) throws ResolutionException {
        if (coordinates.isEmpty()) {
            throw new ResolutionException("no coordinates given: expected groupId:artifactId[:extension[:classifier]]:version");
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (String c : coordinates) {
            dependencies.add(new Dependency(artifact(c), "runtime"));
        }
        List<RemoteRepository> repos;
        if (fromUrls.isEmpty()) {
            repos = repositories();
        } else {
            repos = new ArrayList<>();
            for (String url : fromUrls) {
                checkUrl(url);
                repos.add(remote("from-" + (repos.size() + 1), url, true, true));
            }
        }
        try (CloseableSession session = newSession()) {
            CollectRequest collect = new CollectRequest(dependencies, List.of(), system.newResolutionRepositories(session, repos));
            return files(session, collect, String.join(" ", coordinates));
        }
    }

    /**
     * Resolves the dependencies a POM declares (IJava's {@code %%loadFromPOM}): its effective model,
     * with parents, properties, imported BOMs and dependency management; its repositories (and Maven
     * Central, from Maven's super POM) are searched, not the ones added with {@link #addRepository}.
     *
     * @param pom    the POM file
     * @param scopes the scopes of the dependencies to take (empty: {@link #DEFAULT_POM_SCOPES})
     * @return the dependencies' files and those of their compile and runtime dependencies
     * @throws ResolutionException if the POM is invalid or a dependency is missing
     */
    public List<Path> resolvePom(Path pom, List<String> scopes) throws ResolutionException {
        Set<String> wanted = new HashSet<>(scopes.isEmpty() ? DEFAULT_POM_SCOPES : scopes);
        try (CloseableSession session = newSession()) {
            List<RemoteRepository> start = new ArrayList<>(profileRepositories);
            start.add(remote(CENTRAL_ID, CENTRAL_URL, true, false));
            PomRepositories parents = new PomRepositories(system, session, start);
            DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
            request.setPomFile(pom.toFile());
            request.setModelResolver(parents);
            request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
            request.setProcessPlugins(false);
            request.setTwoPhaseBuilding(false);
            request.setSystemProperties(System.getProperties());
            Model model;
            try {
                model = new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
            } catch (ModelBuildingException e) {
                throw new ResolutionException("invalid POM: " + problems(e), e);
            }
            ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
            List<Dependency> dependencies = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (org.apache.maven.model.Dependency d : model.getDependencies()) {
                String scope = d.getScope() == null || d.getScope().isEmpty() ? "compile" : d.getScope();
                if (wanted.contains(scope)) {
                    dependencies.add(dependency(d, types));
                    names.add(d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getVersion());
                }
            }
            if (dependencies.isEmpty()) {
                return List.of();
            }
            List<Dependency> managed = new ArrayList<>();
            if (model.getDependencyManagement() != null) {
                for (org.apache.maven.model.Dependency d : model.getDependencyManagement().getDependencies()) {
                    managed.add(dependency(d, types));
                }
            }
            List<RemoteRepository> repos = new ArrayList<>(profileRepositories);
            for (org.apache.maven.model.Repository r : model.getRepositories()) {
                repos.add(remote(r.getId(), r.getUrl(),
                        r.getReleases() == null || r.getReleases().isEnabled(),
                        r.getSnapshots() == null || r.getSnapshots().isEnabled()));
            }
            CollectRequest collect = new CollectRequest(dependencies, managed, system.newResolutionRepositories(session, repos));
            return files(session, collect, String.join(" ", names));
        }
    }

    private List<Path> files(RepositorySystemSession session, CollectRequest collect, String what) throws ResolutionException {
        DependencyResult result;
        try {
            result = system.resolveDependencies(session, new DependencyRequest(collect, null));
        } catch (DependencyResolutionException e) {
            throw new ResolutionException("cannot resolve " + what + ": " + detail(e)
                    + (session.isOffline() ? " (Maven is offline: only " + localRepository + " is searched)" : ""), e);
        }
        Set<Path> out = new LinkedHashSet<>();
        for (ArtifactResult r : result.getArtifactResults()) {
            if (r.getArtifact() != null && r.getArtifact().getPath() != null) {
                out.add(r.getArtifact().getPath().toAbsolutePath().normalize());
            }
        }
        return List.copyOf(out);
    }

    private CloseableSession newSession() {
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            mirrors.add(m.getId(), m.getUrl(), orElse(m.getLayout(), "default"), false, m.isBlocked(),
                    m.getMirrorOf(), orElse(m.getMirrorOfLayouts(), "default,legacy"));
        }
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
            if (p.isActive()) {
                proxies.add(new Proxy(p.getProtocol(), p.getHost(), p.getPort(),
                        authentication(p.getUsername(), p.getPassword(), null, null)), p.getNonProxyHosts());
            }
        }
        DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            Authentication auth = authentication(s.getUsername(), s.getPassword(), s.getPrivateKey(), s.getPassphrase());
            if (auth != null) {
                credentials.add(s.getId(), auth);
            }
        }
        PrintStream out = log;
        TransferListener transfers = out == null ? null : new AbstractTransferListener() {
            @Override
            public void transferSucceeded(TransferEvent event) {
                out.println("Downloaded " + event.getResource().getRepositoryUrl() + event.getResource().getResourceName()
                        + " (" + event.getTransferredBytes() + " bytes)");
            }

            @Override
            public void transferFailed(TransferEvent event) {
                out.println("Not in " + event.getResource().getRepositoryUrl() + ": " + event.getResource().getResourceName());
            }
        };
        return new SessionBuilderSupplier(system).get()
                .setTransferListener(transfers)
                .withLocalRepositoryBaseDirectories(localRepository)
                .setOffline(settings.isOffline())
                .setMirrorSelector(mirrors)
                .setProxySelector(proxies)
                .setAuthenticationSelector(credentials)
                .setSystemProperties(System.getProperties())
                // as Maven does: -Daether.* system properties configure the resolver
                .setConfigProperties(System.getProperties())
                // Maven 3's behaviour: no download of Central's prefix list (/.meta/prefixes.txt) before
                // each resolution, which costs a round trip even when everything is in the local repository
                .setConfigProperty(PREFIXES_FILTER, System.getProperty(PREFIXES_FILTER, "false"))
                // a repository that accepts the connection and never answers would hold the cell for the
                // resolver's default 30 minutes; -Daether.transport.http.*Timeout still override these
                .setConfigProperty(CONNECT_TIMEOUT, System.getProperty(CONNECT_TIMEOUT, String.valueOf(CONNECT_TIMEOUT_MS)))
                .setConfigProperty(REQUEST_TIMEOUT, System.getProperty(REQUEST_TIMEOUT, String.valueOf(REQUEST_TIMEOUT_MS)))
                .build();
    }

    private static Authentication authentication(String user, String password, String key, String passphrase) {
        if (user == null && key == null) {
            return null;
        }
        AuthenticationBuilder b = new AuthenticationBuilder();
        if (user != null) {
            b.addUsername(user);
        }
        if (password != null) {
            b.addPassword(password);
        }
        if (key != null) {
            b.addPrivateKey(key, passphrase);
        }
        return b.build();
    }

    /** Parses a coordinate as IJava did: Maven's colon form, or Ivy's {@code group#name;version}. */
    static Artifact artifact(String coordinate) throws ResolutionException {
        Matcher ivy = IVY.matcher(coordinate);
        if (ivy.matches()) {
            return new DefaultArtifact(ivy.group(1), ivy.group(2), "jar", ivy.group(3));
        }
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException("bad coordinate '" + coordinate
                    + "': expected groupId:artifactId[:extension[:classifier]]:version", e);
        }
    }

    private static Dependency dependency(org.apache.maven.model.Dependency d, ArtifactTypeRegistry types) {
        ArtifactType type = types.get(d.getType());
        if (type == null) {
            type = new DefaultArtifactType(d.getType());
        }
        Map<String, String> properties = d.getSystemPath() == null ? null
                : Map.of(ArtifactProperties.LOCAL_PATH, d.getSystemPath());
        Artifact artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(), null,
                d.getVersion(), properties, type);
        List<Exclusion> exclusions = new ArrayList<>();
        for (org.apache.maven.model.Exclusion e : d.getExclusions()) {
            exclusions.add(new Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*"));
        }
        return new Dependency(artifact, d.getScope(), d.isOptional(), exclusions);
    }

    private static RemoteRepository remote(String id, String url, boolean releases, boolean snapshots) {
        return new RemoteRepository.Builder(id, "default", url)
                .setReleasePolicy(new RepositoryPolicy(releases, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_WARN))
                .setSnapshotPolicy(new RepositoryPolicy(snapshots, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_WARN))
                .build();
    }

    private static void checkUrl(String url) throws ResolutionException {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()) {
                throw new ResolutionException("not an absolute URL: '" + url + "' (expected https://... or file:///...)");
            }
        } catch (URISyntaxException e) {
            throw new ResolutionException("not a URL: '" + url + "' (" + e.getMessage() + ")", e);
        }
    }

    /** The resolver's reasons, one per failed artifact (its messages name the artifact and the repositories). */
    static String detail(DependencyResolutionException e) {
        Set<String> reasons = new LinkedHashSet<>();
        if (e.getResult() != null) {
            for (ArtifactResult r : e.getResult().getArtifactResults()) {
                for (Exception x : r.getExceptions()) {
                    reasons.add(innermost(x));
                }
            }
            for (Exception x : e.getResult().getCollectExceptions()) {
                reasons.add(innermost(x));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(innermost(e));
        }
        return String.join("; ", reasons);
    }

    private static String innermost(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        if (timedOut(t)) {
            // "Read timed out" alone names no repository: the transfer's own message does
            for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
                if (c.getMessage() != null && c.getMessage().contains("://")) {
                    return c.getMessage() + " (no answer within " + Integer.getInteger(REQUEST_TIMEOUT, REQUEST_TIMEOUT_MS) / 1000.0 + " s; the "
                            + "time-outs are set by -D" + CONNECT_TIMEOUT + " and -D" + REQUEST_TIMEOUT + ", in ms)";
                }
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof java.net.SocketTimeoutException || c instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String problems(ModelBuildingException e) {
        List<String> out = new ArrayList<>();
        for (ModelProblem p : e.getProblems()) {
            if (p.getSeverity() != ModelProblem.Severity.WARNING) {
                out.add(p.getMessage() + (p.getLineNumber() > 0 ? " (line " + p.getLineNumber() + ")" : ""));
            }
        }
        return out.isEmpty() ? e.getMessage() : String.join("; ", out);
    }

    private static String orElse(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    @Override
    public void close() {
        system.shutdown();
    }

    /** Finds parent and imported POMs for the model builder, in the repositories the POMs declare. */
    private static final class PomRepositories implements ModelResolver {
        private final RepositorySystem system;
        private final RepositorySystemSession session;
        private final List<RemoteRepository> repositories;

        PomRepositories(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
            this.system = system;
            this.session = session;
            this.repositories = repositories;
        }

        @Override
        public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
            Artifact pom = new DefaultArtifact(groupId, artifactId, "", "pom", version);
            try {
                ArtifactResult r = system.resolveArtifact(session,
                        new ArtifactRequest(pom, system.newResolutionRepositories(session, repositories), null));
                return new FileModelSource(r.getArtifact().getPath().toFile());
            } catch (ArtifactResolutionException e) {
                throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
            }
        }

        @Override
        public ModelSource resolveModel(org.apache.maven.model.Parent parent) throws UnresolvableModelException {
            return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        }

        @Override
        public ModelSource resolveModel(org.apache.maven.model.Dependency dependency) throws UnresolvableModelException {
            return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        }

        @Override
        public void addRepository(org.apache.maven.model.Repository repository) {
            addRepository(repository, false);
        }

        @Override
        public void addRepository(org.apache.maven.model.Repository repository, boolean replace) {
            boolean known = repositories.stream().anyMatch(r -> r.getId().equals(repository.getId()));
            if (known && !replace) {
                return;
            }
            repositories.removeIf(r -> r.getId().equals(repository.getId()));
            repositories.add(remote(repository.getId(), repository.getUrl(),
                    repository.getReleases() == null || repository.getReleases().isEnabled(),
                    repository.getSnapshots() == null || repository.getSnapshots().isEnabled()));
        }

        @Override
        public ModelResolver newCopy() {
            return new PomRepositories(system, session, new ArrayList<>(repositories));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MavenResolver[local=%s, offline=%s, repositories=%s]",
                localRepository, settings.isOffline(), repositories());
    }
}
