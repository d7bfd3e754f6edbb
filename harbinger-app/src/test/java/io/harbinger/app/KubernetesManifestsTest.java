package io.harbinger.app;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.harbinger.api.ApiPorts;
import io.harbinger.api.HttpApi;
import io.harbinger.api.port.Readiness;
import io.harbinger.app.Roles.Role;
import io.harbinger.core.config.Setting;
import io.harbinger.pipeline.PipelineConfig;
import io.javalin.Javalin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code deploy/k8s}, read with the Kubernetes model (fabric8) and checked against the app itself: every
 * Deployment's container arguments and environment go through the same parser and validation as
 * {@code harbinger serve} (so a manifest the app would refuse at start-up fails here), the probes ask the
 * routes of a really started HTTP server, and the selectors, ports, autoscalers and budgets fit together.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of(System.getProperty("harbinger.modules", "..")).resolve("deploy/k8s");
    /** The Kubernetes group of the one custom resource the manifests use (KEDA's ScaledObject). */
    private static final String KEDA = "keda.sh/v1alpha1";
    /** The environment variable the image's entrypoint reads the JVM options from (as ./harbinger does). */
    private static final String JAVA_OPTS = "HARBINGER_JAVA_OPTS";
    /** Read by ServeOptions for the PostgreSQL password; checked below by what the parsed config holds. */
    private static final String PASSWORD = "HARBINGER_POSTGRES_PASSWORD";

    private static List<Loaded> loaded;

    /** One document of one file, as the typed model (or generic, for a custom resource). */
    private record Loaded(String file, HasMetadata resource) {
        String id() {
            return file + ": " + resource.getKind() + " " + resource.getMetadata().getName();
        }
    }

    /** A role's Deployment with what the app makes of its one container. */
    private record Node(Deployment deployment, Container container, Map<String, String> environment, ServeConfig config) {
        String name() {
            return deployment.getMetadata().getName();
        }

        Map<String, String> podLabels() {
            return deployment.getSpec().getTemplate().getMetadata().getLabels();
        }

        PodSpec pod() {
            return deployment.getSpec().getTemplate().getSpec();
        }
    }

    @BeforeAll
    static void load() throws IOException {
        assertThat(DIR.resolve("kustomization.yaml")).as("deploy/k8s beside the modules").exists();
        Map<String, Class<? extends HasMetadata>> kinds = modelKinds();
        YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build(); // as kubectl: a key given twice is an error
        JsonMapper json = JsonMapper.builder().build();
        List<Loaded> all = new ArrayList<>();
        for (String file : manifestFiles()) {
            try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(DIR.resolve(file).toFile())) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc == null || doc.isNull() || doc.isEmpty()) continue;
                    String kind = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                    Class<? extends HasMetadata> model = kinds.get(kind);
                    if (model == null && !kind.startsWith(KEDA + "/")) fail(file + ": " + kind + " is no kind the Kubernetes model knows (a typo in apiVersion or kind?)");
                    Class<? extends HasMetadata> type = model == null ? GenericKubernetesResource.class : model;
                    all.add(new Loaded(file, json.readValue(doc.toString(), type)));
                }
            }
        }
        loaded = List.copyOf(all);
    }

    @Test
    void everyManifest_isAKnownKind_withNoFieldTheModelDoesNotKnow_inTheNamespace_andListedInTheKustomization() throws IOException {
        assertThat(loaded).isNotEmpty();
        List<String> unknown = new ArrayList<>();
        for (Loaded l : loaded) unknownFields(l.resource(), l.id(), unknown);
        assertThat(unknown).as("fields the Kubernetes model does not know (typos are dropped by the API server or refused)").isEmpty();

        List<Namespace> namespaces = all(Namespace.class);
        assertThat(namespaces).hasSize(1);
        String namespace = namespaces.getFirst().getMetadata().getName();
        for (Loaded l : loaded) {
            assertThat(l.resource().getMetadata().getName()).as(l.file() + " name").isNotBlank();
            if (!(l.resource() instanceof Namespace)) assertThat(l.resource().getMetadata().getNamespace()).as(l.id()).isEqualTo(namespace);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Loaded l : loaded) assertThat(ids.add(l.resource().getKind() + "/" + l.resource().getMetadata().getName())).as("unique: " + l.id()).isTrue();

        JsonNode kustomization = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().readTree(DIR.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).as("kustomization.yaml lists every manifest").isEqualTo(new TreeSet<>(manifestFiles()));
        assertThat(all(GenericKubernetesResource.class)).as("the only custom resource").allSatisfy(r -> assertThat(r.getKind()).isEqualTo("ScaledObject"));
    }

    @Test
    void everyRole_hasOneDeployment_whoseArgumentsAndEnvironmentTheAppAccepts_asOneNodeOfACluster() {
        List<Node> nodes = nodes(); // each parsed by Main's command line and ServeOptions, as at start-up
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (Node n : nodes) {
            Roles r = n.config().roles();
            assertThat(r.all()).as(n.name() + " runs one role, not all (the embedded broker and PostgreSQL are for one machine)").isFalse();
            assertThat(r.set()).as(n.name()).hasSize(1);
            assertThat(roles.add(r.set().iterator().next())).as(n.name() + ": one Deployment per role").isTrue();
            assertThat(n.podLabels()).as(n.name() + " pods are labelled with their role").containsEntry("app.kubernetes.io/component", r.toString());
            assertThat(n.config().bindAddress()).as(n.name() + " must listen beyond the pod's loopback (probes, Services)").isIn("0.0.0.0", "::");
            assertThat(n.config().auth().keys()).as(n.name() + " listens beyond loopback: it asks for API keys").isTrue();
            assertThat(n.config().store().bundled()).as(n.name() + " reads the keys from the external PostgreSQL").isFalse();
            assertThat(n.config().port()).as(n.name() + " port").isPositive();
            assertThat(n.config().embeddedKafka()).isFalse();
            if (r.needsStorage()) assertThat(n.config().store().bundled()).as(n.name() + " uses the external PostgreSQL").isFalse();
        }
        assertThat(roles).as("a Deployment for every role").containsExactlyInAnyOrder(Role.values());

        // every node creates the topics it needs when missing: they must agree on how
        for (Setting<?> shared : List.of(PipelineConfig.PARTITIONS, PipelineConfig.REPLICATION_FACTOR, PipelineConfig.TOPIC_PREFIX,
                PipelineConfig.APPLICATION_ID, ServeConfig.KAFKA)) {
            assertThat(nodes.stream().map(n -> n.config().settings().get(shared)).distinct().toList()).as("every node has the same " + shared.flag()).hasSize(1);
        }
    }

    @Test
    void everyEnvironmentVariable_isOneTheAppReads() {
        Set<String> read = ServeConfig.SETTINGS.settings().stream().flatMap(s -> s.env().stream()).collect(Collectors.toCollection(TreeSet::new));
        read.add(PASSWORD);
        read.add(JAVA_OPTS);
        for (Node n : nodes()) assertThat(n.environment().keySet()).as(n.name() + "'s environment").isSubsetOf(read);
        for (ConfigMap map : all(ConfigMap.class)) assertThat(map.getData().keySet()).as("ConfigMap " + map.getMetadata().getName()).isSubsetOf(read);
    }

    @Test
    void thePostgresPassword_comesFromTheSecret_andReachesTheApp_onlyWhereItIsUsed() {
        Map<String, Secret> secrets = byName(Secret.class);
        for (ConfigMap map : all(ConfigMap.class)) {
            assertThat(map.getData().keySet()).as("no password in ConfigMap " + map.getMetadata().getName()).noneMatch(k -> k.toUpperCase(Locale.ROOT).contains("PASSWORD"));
        }
        for (Node n : nodes()) {
            List<EnvVar> passwords = n.container().getEnv().stream().filter(e -> e.getName().equals(PASSWORD)).toList();
            if (!n.config().roles().needsStorage() && !n.config().auth().keys()) { // the API keys are in PostgreSQL too
                assertThat(passwords).as(n.name() + " does not use PostgreSQL: no password").isEmpty();
                continue;
            }
            assertThat(passwords).as(n.name() + " " + PASSWORD).hasSize(1);
            EnvVar password = passwords.getFirst();
            assertThat(password.getValue()).as(n.name() + ": the password is referenced, not written in the manifest").isNull();
            var ref = password.getValueFrom().getSecretKeyRef();
            assertThat(ref).as(n.name() + ": " + PASSWORD + " from a Secret").isNotNull();
            assertThat(secrets).containsKey(ref.getName());
            assertThat(secretKeys(secrets.get(ref.getName()))).contains(ref.getKey());
            assertThat(n.config().store().password()).as(n.name() + ": the app takes the Secret's value as the password").isEqualTo(standIn(ref.getName(), ref.getKey()));
            for (EnvVar e : n.container().getEnv()) {
                if (e.getName().toUpperCase(Locale.ROOT).contains("PASSWORD")) assertThat(e.getValue()).as(n.name() + " " + e.getName()).isNull();
            }
        }
    }

    @Test
    void deployments_selectTheirOwnPods_andEveryServiceBudgetAndSpreadSelectsThePodsOfExactlyOneDeployment() {
        List<Deployment> deployments = all(Deployment.class);
        for (Deployment d : deployments) {
            Map<String, String> selector = matchLabels(d.getSpec().getSelector(), d.getMetadata().getName());
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).as(d.getMetadata().getName() + " selects its pods").containsAllEntriesOf(selector);
            for (Deployment other : deployments) {
                if (other != d) assertThat(selects(selector, other)).as(d.getMetadata().getName() + " must not select the pods of " + other.getMetadata().getName()).isFalse();
            }
            for (TopologySpreadConstraint spread : d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()) {
                assertThat(selected(matchLabels(spread.getLabelSelector(), "spread of " + d.getMetadata().getName()), deployments)).containsExactly(d);
            }
        }
        for (Service s : all(Service.class)) {
            assertThat(selected(s.getSpec().getSelector(), deployments)).as("Service " + s.getMetadata().getName()).hasSize(1);
        }
        for (PodDisruptionBudget b : all(PodDisruptionBudget.class)) {
            assertThat(selected(matchLabels(b.getSpec().getSelector(), b.getMetadata().getName()), deployments)).as("budget " + b.getMetadata().getName()).hasSize(1);
            assertThat(b.getSpec().getMinAvailable() == null ^ b.getSpec().getMaxUnavailable() == null).as(b.getMetadata().getName() + ": minAvailable or maxUnavailable").isTrue();
        }
        Set<Deployment> budgeted = all(PodDisruptionBudget.class).stream().flatMap(b -> selected(matchLabels(b.getSpec().getSelector(), ""), deployments).stream())
                .collect(Collectors.toSet());
        assertThat(budgeted).as("a disruption budget per role").containsExactlyInAnyOrderElementsOf(deployments);
        assertThat(all(Service.class).stream().flatMap(s -> selected(s.getSpec().getSelector(), deployments).stream()).map(KubernetesManifestsTest::role))
                .as("Services for the traffic: writes and reads").containsExactlyInAnyOrder(Role.INGEST, Role.API);
    }

    @Test
    void containerServiceProbeAndScrapePorts_areThePortTheAppListensOn() {
        for (Node n : nodes()) {
            int port = n.config().port();
            assertThat(n.container().getPorts()).as(n.name() + " container ports").extracting(ContainerPort::getContainerPort).containsExactly(port);
            for (Probe probe : probes(n.container()).values()) assertThat(resolve(probe.getHttpGet().getPort(), n.container())).as(n.name() + " probe port").isEqualTo(port);
            Map<String, String> annotations = n.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(n.name() + " is scraped").containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", String.valueOf(port));
        }
        for (Service s : all(Service.class)) {
            Node target = nodes().stream().filter(n -> n.podLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet())).findFirst().orElseThrow();
            for (ServicePort p : s.getSpec().getPorts()) {
                IntOrString targetPort = p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort();
                assertThat(resolve(targetPort, target.container())).as("Service " + s.getMetadata().getName() + " targets the app's port").isEqualTo(target.config().port());
            }
        }
    }

    @Test
    void probeAndScrapePaths_areRoutesOfTheApp_livenessStaysUpWhenAPartIsDown_readinessDoesNot() throws Exception {
        Map<String, Integer> up = new HashMap<>();
        Map<String, Integer> partDown = new HashMap<>();
        Set<String> paths = new TreeSet<>();
        for (Node n : nodes()) {
            Map<String, Probe> probes = probes(n.container());
            assertThat(probes.keySet()).as(n.name() + " probes").containsExactlyInAnyOrder("startup", "liveness", "readiness");
            assertThat(probes.get("readiness").getHttpGet().getPath()).as(n.name() + ": readiness and liveness are different checks")
                    .isNotEqualTo(probes.get("liveness").getHttpGet().getPath());
            probes.values().forEach(p -> paths.add(p.getHttpGet().getPath()));
            paths.add(n.deployment().getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path"));
        }
        for (boolean healthy : new boolean[]{true, false}) {
            Javalin http = HttpApi.server(false);
            HttpApi.mount(http, ApiPorts.operations(List.of(new Readiness("storage", () -> healthy)), () -> "harbinger_up 1\n", Clock.systemUTC()));
            http.start("127.0.0.1", 0);
            try (HttpClient client = HttpClient.newHttpClient()) {
                for (String path : paths) {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    (healthy ? up : partDown).put(path, answer.statusCode());
                }
            } finally {
                http.stop();
            }
        }
        for (Node n : nodes()) {
            Map<String, Probe> probes = probes(n.container());
            for (String kind : List.of("startup", "liveness")) {
                String path = probes.get(kind).getHttpGet().getPath();
                assertThat(up.get(path)).as(n.name() + " " + kind + " " + path).isEqualTo(200);
                assertThat(partDown.get(path)).as(n.name() + " " + kind + " " + path + " must not restart a pod whose dependency is down").isEqualTo(200);
            }
            String ready = probes.get("readiness").getHttpGet().getPath();
            assertThat(up.get(ready)).as(n.name() + " readiness " + ready).isEqualTo(200);
            assertThat(partDown.get(ready)).as(n.name() + " readiness " + ready + " with a check failing").isEqualTo(503);
            String metrics = n.deployment().getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path");
            assertThat(up.get(metrics)).as(n.name() + " scrape path " + metrics).isEqualTo(200);
        }
    }

    @Test
    void autoscalers_scaleExistingDeployments_theProcessorsAtMostOneConsumerPerPartition() {
        Map<String, Deployment> deployments = byName(Deployment.class);
        Map<String, Node> nodes = nodes().stream().collect(Collectors.toMap(Node::name, Function.identity()));
        Set<Role> scaled = java.util.EnumSet.noneOf(Role.class);
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getKind()).isEqualTo("Deployment");
            assertThat(target.getApiVersion()).isEqualTo("apps/v1");
            assertThat(deployments).as("HPA " + hpa.getMetadata().getName() + " target").containsKey(target.getName());
            Node node = nodes.get(target.getName());
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            List<MetricSpec> metrics = hpa.getSpec().getMetrics();
            assertThat(metrics).as("on CPU").anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            assertThat(node.container().getResources().getRequests()).as(node.name() + ": CPU utilisation is relative to the request").containsKey("cpu");
            assertThat(node.deployment().getSpec().getReplicas()).as(node.name() + ": the autoscaler owns the count (kubectl apply would reset it)").isNull();
            scaled.add(role(node.deployment()));
        }
        assertThat(scaled).as("CPU autoscaling for ingest and API").containsExactlyInAnyOrder(Role.INGEST, Role.API);

        List<GenericKubernetesResource> scaledObjects = all(GenericKubernetesResource.class);
        assertThat(scaledObjects).hasSize(1);
        GenericKubernetesResource so = scaledObjects.getFirst();
        String targetName = so.get("spec", "scaleTargetRef", "name");
        assertThat(Optional.ofNullable(so.<String>get("spec", "scaleTargetRef", "kind")).orElse("Deployment")).isEqualTo("Deployment");
        assertThat(deployments).as("ScaledObject target").containsKey(targetName);
        Node process = nodes.get(targetName);
        assertThat(process.config().roles().set()).containsExactly(Role.PROCESS);
        assertThat(process.deployment().getSpec().getReplicas()).as("KEDA owns the count").isNull();
        List<Map<String, Object>> triggers = so.get("spec", "triggers");
        assertThat(triggers).hasSize(1);
        assertThat(triggers.getFirst()).containsEntry("type", "kafka");
        @SuppressWarnings("unchecked") Map<String, Object> trigger = (Map<String, Object>) triggers.getFirst().get("metadata");
        PipelineConfig pipeline = PipelineConfig.from(process.config().settings(), process.config().kafkaBootstrap().orElseThrow(), Path.of("unused"));
        assertThat(trigger).as("the lag of the processor's consumer group (the Streams application id) on the samples topic")
                .containsEntry("bootstrapServers", pipeline.bootstrapServers())
                .containsEntry("consumerGroup", pipeline.applicationId())
                .containsEntry("topic", pipeline.topics().samples().name());
        assertThat(Integer.parseInt(String.valueOf(trigger.get("lagThreshold")))).isPositive();
        int min = so.<Integer>get("spec", "minReplicaCount");
        int max = so.<Integer>get("spec", "maxReplicaCount");
        assertThat(min).as("processors never scale to zero: the loaders run there").isPositive().isLessThanOrEqualTo(max);
        assertThat(max * pipeline.numStreamThreads()).as("consumers (replicas x --stream-threads) beyond --partitions would sit idle").isLessThanOrEqualTo(pipeline.partitions());
    }

    @Test
    void everyPod_canWriteItsDataDirectory_andTheJvmFitsItsMemoryLimit_andShutsDownInItsGracePeriod() throws IOException {
        String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.+)$").matcher(dockerfile);
        assertThat(entrypoint.find()).as("Dockerfile ENTRYPOINT").isTrue();
        assertThat(entrypoint.group(1)).as("the entrypoint runs the distribution with the JVM options and the container's args")
                .contains("$" + JAVA_OPTS).contains("-jar").contains("harbinger.jar").contains("\\\"$@\\\"");
        for (Node n : nodes()) {
            assertThat(n.container().getCommand()).as(n.name() + ": the image's entrypoint runs the args").isEmpty();
            Map<String, VolumeMount> mounts = n.container().getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, Function.identity()));
            Set<String> volumes = n.pod().getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            mounts.values().forEach(m -> assertThat(volumes).as(n.name() + " mount " + m.getName()).contains(m.getName()));
            boolean readOnlyRoot = Boolean.TRUE.equals(n.container().getSecurityContext().getReadOnlyRootFilesystem());
            Path dataDir = n.config().dataDir();
            assertThat(dataDir.isAbsolute()).as(n.name() + " --data-dir absolute (the image's working directory is not writable)").isTrue();
            Optional<VolumeMount> data = mounts.values().stream().filter(m -> dataDir.startsWith(Path.of(m.getMountPath()))).findFirst();
            if (readOnlyRoot || role(n.deployment()) == Role.PROCESS) {
                assertThat(data).as(n.name() + ": --data-dir " + dataDir + " on a volume").isPresent();
                assertThat(data.get().getReadOnly()).as(n.name() + " data volume writable").isNotEqualTo(Boolean.TRUE);
            }
            if (readOnlyRoot) assertThat(mounts).as(n.name() + ": the JVM and native libraries unpack into /tmp").containsKey("/tmp");

            BigDecimal limit = Quantity.getAmountInBytes(n.container().getResources().getLimits().get("memory"));
            Matcher xmx = Pattern.compile("-Xmx(\\d+)([kKmMgG])").matcher(n.environment().getOrDefault(JAVA_OPTS, ""));
            assertThat(xmx.find()).as(n.name() + " sets its heap").isTrue();
            long heap = Long.parseLong(xmx.group(1)) << switch (xmx.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                default -> 30;
            };
            assertThat(BigDecimal.valueOf(heap)).as(n.name() + ": heap at most 3/4 of the memory limit (metaspace, threads, buffers, RocksDB live beside it)")
                    .isLessThanOrEqualTo(limit.multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(4)));

            // Harbinger.close: the ingest drain and each component's close wait up to 30 s
            long grace = n.pod().getTerminationGracePeriodSeconds();
            long preStop = Optional.ofNullable(n.container().getLifecycle()).map(l -> l.getPreStop()).map(h -> h.getExec())
                    .map(e -> Long.parseLong(e.getCommand().getLast())).orElse(0L);
            assertThat(grace - preStop).as(n.name() + ": grace period after the preStop pause").isGreaterThanOrEqualTo(25);
        }
    }

    // --- reading the manifests ---

    /** Every YAML file of deploy/k8s but the kustomization. */
    private static List<String> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
                    .filter(f -> !f.equals("kustomization.yaml")).sorted().toList();
        }
    }

    /** apiVersion/kind -> model class, from the lists every fabric8 model jar ships (what its own deserializer reads). */
    private static Map<String, Class<? extends HasMetadata>> modelKinds() throws IOException {
        Map<String, Class<? extends HasMetadata>> kinds = new HashMap<>();
        ClassLoader loader = KubernetesManifestsTest.class.getClassLoader();
        Enumeration<URL> lists = loader.getResources("META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource");
        while (lists.hasMoreElements()) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                for (String line : in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                    Class<?> type;
                    try {
                        type = Class.forName(line, false, loader);
                    } catch (ClassNotFoundException e) {
                        continue;
                    }
                    if (HasMetadata.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                        Class<? extends HasMetadata> resource = type.asSubclass(HasMetadata.class);
                        kinds.put(HasMetadata.getApiVersion(resource) + "/" + HasMetadata.getKind(resource), resource);
                    }
                }
            }
        }
        assertThat(kinds).as("the model jars are on the test classpath").containsKeys("apps/v1/Deployment", "v1/Service", "autoscaling/v2/HorizontalPodAutoscaler",
                "policy/v1/PodDisruptionBudget");
        return kinds;
    }

    /** Fields the model put aside as unknown (its additionalProperties), anywhere in {@code value}. */
    private static void unknownFields(Object value, String path, List<String> found) {
        switch (value) {
            case null -> {
            }
            case Map<?, ?> map -> map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) unknownFields(list.get(i), path + "[" + i + "]", found);
            }
            case GenericKubernetesResource generic -> unknownFields(generic.getMetadata(), path + ".metadata", found); // a custom resource's spec is not typed
            default -> {
                if (!value.getClass().getName().startsWith("io.fabric8.")) return;
                for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers())) continue;
                        field.setAccessible(true);
                        Object v;
                        try {
                            v = field.get(value);
                        } catch (IllegalAccessException e) {
                            throw new AssertionError(e);
                        }
                        if (field.getName().equals("additionalProperties")) {
                            if (v instanceof Map<?, ?> extra && !extra.isEmpty()) found.add(path + ": " + extra.keySet());
                        } else {
                            unknownFields(v, path + "." + field.getName(), found);
                        }
                    }
                }
            }
        }
    }

    private static <T> List<T> all(Class<T> type) {
        return loaded.stream().map(Loaded::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> Map<String, T> byName(Class<T> type) {
        return all(type).stream().collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
    }

    // --- what the app makes of a Deployment ---

    /** Every Deployment, its container's args and environment parsed as {@code harbinger serve} parses them at start-up. */
    private static List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
            assertThat(containers).as(d.getMetadata().getName() + " runs one container").hasSize(1);
            Container c = containers.getFirst();
            Map<String, String> environment = environment(c, d.getMetadata().getName());
            List<String> args = c.getArgs();
            assertThat(args).as(d.getMetadata().getName() + " args").isNotEmpty();
            assertThat(args.getFirst()).isEqualTo("serve");
            CommandLine cli = Main.commandLine();
            ServeConfig config;
            try {
                cli.parseArgs(args.toArray(String[]::new));
                config = ServeOptions.read(cli.getSubcommands().get("serve").getCommandSpec(), environment);
            } catch (RuntimeException refused) { // picocli's ParameterException, InvalidSettingsException, IllegalArgumentException
                throw new AssertionError(d.getMetadata().getName() + ": harbinger " + String.join(" ", args) + " would be refused at start-up: "
                        + refused.getMessage(), refused);
            }
            nodes.add(new Node(d, c, environment, config));
        }
        assertThat(nodes).isNotEmpty();
        return nodes;
    }

    /** The container's environment as Kubernetes builds it: envFrom first, then env (which wins); a Secret's value as a stand-in. */
    private static Map<String, String> environment(Container c, String deployment) {
        Map<String, ConfigMap> maps = byName(ConfigMap.class);
        Map<String, Secret> secrets = byName(Secret.class);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            String prefix = Optional.ofNullable(from.getPrefix()).orElse("");
            if (from.getConfigMapRef() != null) {
                ConfigMap map = maps.get(from.getConfigMapRef().getName());
                assertThat(map).as(deployment + " envFrom ConfigMap " + from.getConfigMapRef().getName()).isNotNull();
                map.getData().forEach((k, v) -> env.put(prefix + k, v));
            } else if (from.getSecretRef() != null) {
                Secret secret = secrets.get(from.getSecretRef().getName());
                assertThat(secret).as(deployment + " envFrom Secret " + from.getSecretRef().getName()).isNotNull();
                secretKeys(secret).forEach(k -> env.put(prefix + k, standIn(secret.getMetadata().getName(), k)));
            } else {
                fail(deployment + ": envFrom neither a ConfigMap nor a Secret");
            }
        }
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), Optional.ofNullable(e.getValue()).orElse(""));
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                assertThat(maps).as(deployment + " " + e.getName()).containsKey(ref.getName());
                assertThat(maps.get(ref.getName()).getData()).as(deployment + " " + e.getName()).containsKey(ref.getKey());
                env.put(e.getName(), maps.get(ref.getName()).getData().get(ref.getKey()));
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                assertThat(secrets).as(deployment + " " + e.getName()).containsKey(ref.getName());
                assertThat(secretKeys(secrets.get(ref.getName()))).as(deployment + " " + e.getName()).contains(ref.getKey());
                env.put(e.getName(), standIn(ref.getName(), ref.getKey()));
            } else {
                fail(deployment + " " + e.getName() + ": only values, ConfigMap keys and Secret keys are read here");
            }
        }
        return env;
    }

    private static Set<String> secretKeys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        if (secret.getData() != null) keys.addAll(secret.getData().keySet());
        if (secret.getStringData() != null) keys.addAll(secret.getStringData().keySet());
        return keys;
    }

    /** What the test puts in the environment for a Secret's key: the value itself is the cluster's business. */
    private static String standIn(String secret, String key) {
        return "<secret " + secret + "/" + key + ">";
    }

    private static Map<String, Probe> probes(Container c) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        if (c.getStartupProbe() != null) probes.put("startup", c.getStartupProbe());
        if (c.getLivenessProbe() != null) probes.put("liveness", c.getLivenessProbe());
        if (c.getReadinessProbe() != null) probes.put("readiness", c.getReadinessProbe());
        probes.forEach((kind, p) -> {
            HTTPGetAction get = p.getHttpGet();
            assertThat(get).as(c.getName() + " " + kind + " probe is an HTTP GET").isNotNull();
            assertThat(get.getPath()).as(c.getName() + " " + kind + " path").startsWith("/");
        });
        return probes;
    }

    /** A port given by number or by the container port's name. */
    private static int resolve(IntOrString port, Container c) {
        if (port.getIntVal() != null) return port.getIntVal();
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no port named " + port.getStrVal()));
    }

    private static Map<String, String> matchLabels(LabelSelector selector, String what) {
        assertThat(selector).as(what + " selector").isNotNull();
        assertThat(selector.getMatchExpressions()).as(what + ": matchLabels only (what this test reads)").isEmpty();
        assertThat(selector.getMatchLabels()).as(what + " selector").isNotEmpty();
        return selector.getMatchLabels();
    }

    private static boolean selects(Map<String, String> selector, Deployment d) {
        PodTemplateSpec template = d.getSpec().getTemplate();
        return selector != null && !selector.isEmpty() && template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet());
    }

    private static List<Deployment> selected(Map<String, String> selector, List<Deployment> deployments) {
        return deployments.stream().filter(d -> selects(selector, d)).toList();
    }

    private static Role role(Deployment d) {
        return Role.valueOf(d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component").toUpperCase(Locale.ROOT));
    }
}
