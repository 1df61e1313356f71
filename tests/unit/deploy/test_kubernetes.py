"""deploy/kubernetes: every kustomization rendered and each document validated offline against the Kubernetes
schemas (kubernetes-validate ships them), custom resources (CloudNativePG, Prometheus Operator) checked by
hand, and what the issue asks of the manifests asserted: per process a Deployment of 2+ replicas with both
probes, resources and a locked-down pod, its Service, PodDisruptionBudget, HPA and NetworkPolicy; a migration
Job; secrets referenced, never inlined.

The overlays only add resources (no patches), so a kustomization renders here as its resources and
components read as they are, with its namespace and images set, which the test checks against kustomize
itself (`kubectl kustomize`) where kubectl is installed."""

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from tests.unit.deploy.conftest import COMPONENTS, ROOT

KUBERNETES = ROOT / "deploy" / "kubernetes"
KUSTOMIZATIONS = sorted(path.parent for path in KUBERNETES.rglob("kustomization.yaml"))
VERSIONS = ("1.30", kubernetes_validate.latest_version())  # the oldest cluster supported, and the newest schemas
SUPPORTED_FIELDS = {"apiVersion", "kind", "resources", "components", "namespace", "images"}
CUSTOM = {"postgresql.cnpg.io/v1": {"Cluster"}, "monitoring.coreos.com/v1": {"ServiceMonitor"}}
CLUSTER_SCOPED = {"Namespace"}
SECRET_NAME = "kuaiban-secrets"
PORTS = {component: 8000 + offset for offset, component in enumerate(COMPONENTS)}
Doc = dict[str, Any]


def documents(text: str) -> list[Doc]:
    return [doc for doc in yaml.safe_load_all(text) if doc]


def kustomization(directory: Path) -> Doc:
    return yaml.safe_load((directory / "kustomization.yaml").read_text())


def render(directory: Path) -> list[Doc]:
    """A kustomization's output, for kustomizations that only list resources and components."""
    fields = kustomization(directory)
    assert set(fields) <= SUPPORTED_FIELDS, f"{directory}: keep overlays additive (no patches)"
    docs: list[Doc] = []
    for entry in [*fields.get("resources", []), *fields.get("components", [])]:
        path = directory / entry
        docs += render(path) if path.is_dir() else documents(path.read_text())
    if "namespace" in fields:
        for doc in docs:
            if doc["kind"] not in CLUSTER_SCOPED:
                doc["metadata"]["namespace"] = fields["namespace"]
    for image in fields.get("images", []):
        for container in containers_of_all(docs):
            name, _, tag = container["image"].partition(":")
            if name == image["name"]:
                container["image"] = f"{image.get('newName', name)}:{image.get('newTag', tag)}"
    return docs


def containers_of_all(docs: list[Doc]) -> list[Doc]:
    return [c for doc in docs if doc["kind"] in ("Deployment", "Job") for c in pod_spec(doc)["containers"]]


def pod_spec(doc: Doc) -> Doc:
    return doc["spec"]["template"]["spec"]


def named(docs: list[Doc], kind: str, name: str) -> Doc:
    [doc] = [doc for doc in docs if doc["kind"] == kind and doc["metadata"]["name"] == name]
    return doc


def selects(selector: Doc, labels: dict[str, str]) -> bool:
    """A label selector against a set of labels: matchLabels and matchExpressions (In), or a Service's map."""
    if not {"matchLabels", "matchExpressions"} & set(selector):
        selector = {"matchLabels": selector}
    expressions = selector.get("matchExpressions", [])
    assert all(expression["operator"] == "In" for expression in expressions)
    return all(labels.get(key) == value for key, value in selector.get("matchLabels", {}).items()) and all(
        labels.get(expression["key"]) in expression["values"] for expression in expressions
    )


def secret_keys(container: Doc) -> dict[str, str]:
    """A container's variables that come from a Secret: variable name to the Secret's key."""
    return {v["name"]: v["valueFrom"]["secretKeyRef"]["key"] for v in container.get("env", []) if "valueFrom" in v}


@pytest.fixture(scope="module", params=KUSTOMIZATIONS, ids=lambda path: str(path.relative_to(KUBERNETES)))
def rendered(request: pytest.FixtureRequest) -> list[Doc]:
    return render(request.param)


@pytest.fixture(scope="module")
def base() -> list[Doc]:
    return render(KUBERNETES / "base")


def test_every_directory_of_manifests_is_a_kustomization():
    assert {str(path.relative_to(KUBERNETES)) for path in KUSTOMIZATIONS} == {
        "base",
        "components/monitoring",
        "overlays/production",
        "overlays/in-cluster-postgres",
    }
    listed = {(d / entry).resolve() for d in KUSTOMIZATIONS for entry in kustomization(d).get("resources", [])}
    files = {path.resolve() for path in KUBERNETES.rglob("*.yaml") if path.name != "kustomization.yaml"}
    assert files - listed == {(KUBERNETES / "secret.example.yaml").resolve()}  # every manifest is used but that


def test_every_document_validates_against_the_kubernetes_schemas(rendered: list[Doc]):
    for doc in rendered:
        if doc["apiVersion"] in CUSTOM:  # no schema offline: its own test below checks the fields that matter
            assert doc["kind"] in CUSTOM[doc["apiVersion"]] and doc["metadata"]["name"] and doc["spec"]
            continue
        for version in VERSIONS:
            kubernetes_validate.validate(doc, version, strict=True)


def test_every_object_is_labelled_part_of_kuaiban(rendered: list[Doc]):
    for doc in rendered:
        labels = doc["metadata"]["labels"]
        assert labels["app.kubernetes.io/part-of"] == "kuaiban", doc["metadata"]["name"]
        assert "app.kubernetes.io/name" in labels or doc["kind"] == "Namespace"


def test_no_secret_is_in_any_kustomization(rendered: list[Doc]):
    assert not [doc for doc in rendered if doc["kind"] == "Secret"]
    for doc in rendered:
        for container in pod_spec(doc)["containers"] if doc["kind"] in ("Deployment", "Job") else []:
            for variable in container.get("env", []):
                if re.search(r"SECRET|PASSWORD|TOKEN|DATABASE_URL", variable["name"]):
                    assert "value" not in variable, variable["name"]
                    assert variable["valueFrom"]["secretKeyRef"]["name"] == SECRET_NAME


@pytest.mark.parametrize("component", COMPONENTS)
def test_each_process_has_a_deployment_fit_for_production(base: list[Doc], component: str):
    deployment = named(base, "Deployment", f"kuaiban-{component}")
    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert labels["app.kubernetes.io/component"] == component
    assert selects(deployment["spec"]["selector"], labels)
    spec = pod_spec(deployment)
    assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] == 10001
    [container] = spec["containers"]
    port = PORTS[component]
    assert container["command"][container["command"].index("--port") + 1] == str(port)
    assert container["ports"] == [{"name": "http", "containerPort": port, "protocol": "TCP"}]
    assert {"name": "KUAIBAN_PROCESS_PORT", "value": str(port)} in container["env"]
    for probe, path in (("startupProbe", "/livez"), ("livenessProbe", "/livez"), ("readinessProbe", "/readyz")):
        assert container[probe]["httpGet"] == {"path": path, "port": "http"}, probe
    assert container["readinessProbe"]["timeoutSeconds"] > 2  # /readyz gives the database 2 s
    resources = container["resources"]
    assert set(resources["requests"]) == set(resources["limits"]) == {"cpu", "memory"}
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    [tmp] = [mount for mount in container["volumeMounts"] if mount["mountPath"] == "/tmp"]
    [volume] = [volume for volume in spec["volumes"] if volume["name"] == tmp["name"]]
    assert "emptyDir" in volume
    assert container["envFrom"] == [{"configMapRef": {"name": "kuaiban-config"}}]
    expected = {"KUAIBAN_DATABASE_URL": "database-url", "KUAIBAN_JWT_SECRET": "jwt-secret"}
    assert expected.items() <= secret_keys(container).items()


@pytest.mark.parametrize("component", COMPONENTS)
def test_each_process_has_a_service_a_disruption_budget_and_an_autoscaler(base: list[Doc], component: str):
    name = f"kuaiban-{component}"
    deployment = named(base, "Deployment", name)
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    service = named(base, "Service", name)
    assert selects(service["spec"]["selector"], labels)
    [port] = service["spec"]["ports"]
    assert port == {"name": "http", "port": PORTS[component], "targetPort": "http", "protocol": "TCP"}
    budget = named(base, "PodDisruptionBudget", name)
    assert budget["spec"]["minAvailable"] == 1 and selects(budget["spec"]["selector"], labels)
    autoscaler = named(base, "HorizontalPodAutoscaler", name)
    assert autoscaler["apiVersion"] == "autoscaling/v2"
    assert autoscaler["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
    assert autoscaler["spec"]["minReplicas"] == deployment["spec"]["replicas"] >= 2
    assert autoscaler["spec"]["maxReplicas"] > autoscaler["spec"]["minReplicas"]
    [metric] = autoscaler["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"] == {"type": "Utilization", "averageUtilization": 70}


@pytest.mark.parametrize("component", COMPONENTS)
def test_only_the_gateway_takes_traffic_from_outside(base: list[Doc], component: str):
    policy = named(base, "NetworkPolicy", f"kuaiban-{component}")
    labels = named(base, "Deployment", f"kuaiban-{component}")["spec"]["template"]["metadata"]["labels"]
    assert selects(policy["spec"]["podSelector"], labels)
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    rules = policy["spec"]["ingress"]
    for rule in rules:
        assert rule["ports"] == [{"port": "http", "protocol": "TCP"}]
    if component == "gateway":
        assert rules == [{"ports": [{"port": "http", "protocol": "TCP"}]}]  # from anywhere
        return
    sources = [source for rule in rules for source in rule["from"]]  # every rule names its sources
    assert {"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": "kuaiban"}}} in sources
    assert {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}} in sources
    assert len(sources) == 2


def test_the_configmap_points_each_process_at_the_others_services(base: list[Doc]):
    data = named(base, "ConfigMap", "kuaiban-config")["data"]
    for component in COMPONENTS:
        assert data[f"KUAIBAN_{component.upper()}_URL"] == f"http://kuaiban-{component}:{PORTS[component]}"
    assert all(isinstance(value, str) for value in data.values())
    assert not [key for key in data if re.search(r"SECRET|PASSWORD|TOKEN|DATABASE_URL", key)]


def test_the_migration_job_runs_alembic_from_the_same_image(base: list[Doc]):
    job = named(base, "Job", "kuaiban-migrate")
    [container] = pod_spec(job)["containers"]
    assert container["command"] == ["alembic", "upgrade", "head"]
    assert pod_spec(job)["restartPolicy"] == "Never"
    assert {c["image"] for c in containers_of_all(base)} == {container["image"]}
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert named(base, "NetworkPolicy", "kuaiban-migrate")["spec"].get("ingress") is None  # takes no traffic


def test_the_overlays_set_the_namespace_and_the_image():
    for overlay in ("production", "in-cluster-postgres"):
        docs = render(KUBERNETES / "overlays" / overlay)
        assert named(docs, "Namespace", "kuaiban")
        assert {doc["metadata"].get("namespace") for doc in docs if doc["kind"] != "Namespace"} == {"kuaiban"}
        assert {c["image"] for c in containers_of_all(docs)} == {"registry.example.com/kuaiban:0.1.0"}


def test_the_example_secret_has_every_key_the_pods_read(base: list[Doc]):
    [example] = documents((KUBERNETES / "secret.example.yaml").read_text())
    kubernetes_validate.validate(example, VERSIONS[-1], strict=True)
    assert example["metadata"]["name"] == SECRET_NAME
    read = {key for container in containers_of_all(base) for key in secret_keys(container).values()}
    assert read == set(example["stringData"])


def test_the_in_cluster_postgres_is_a_cloudnativepg_cluster_of_the_embedded_major(embedded_postgres_major: int):
    docs = render(KUBERNETES / "overlays" / "in-cluster-postgres")
    cluster = named(docs, "Cluster", "kuaiban-postgres")
    spec = cluster["spec"]
    assert spec["instances"] >= 2  # a primary and a standby
    tag = spec["imageName"].rpartition(":")[2]
    assert int(re.match(r"\d+", tag).group()) == embedded_postgres_major  # CloudNativePG reads the major from it
    assert spec["bootstrap"]["initdb"] == {"database": "kuaiban", "owner": "kuaiban"}
    assert spec["storage"]["size"] and spec["resources"]["limits"]
    assert int(spec["postgresql"]["parameters"]["max_connections"]) > 2 * 8 * sum(
        named(docs, "HorizontalPodAutoscaler", f"kuaiban-{c}")["spec"]["maxReplicas"] for c in COMPONENTS
    )


def test_the_service_monitors_scrape_every_process(base: list[Doc]):
    monitors = [doc for doc in render(KUBERNETES / "components" / "monitoring") if doc["kind"] == "ServiceMonitor"]
    for component in COMPONENTS:
        labels = named(base, "Service", f"kuaiban-{component}")["metadata"]["labels"]
        [monitor] = [m for m in monitors if selects(m["spec"]["selector"], labels)]
        [endpoint] = monitor["spec"]["endpoints"]
        assert (endpoint["port"], endpoint["path"]) == ("http", "/metrics")
        if component == "gateway":
            assert endpoint["authorization"] == {
                "type": "Bearer",
                "credentials": {"name": SECRET_NAME, "key": "metrics-token"},
            }
        else:
            assert "authorization" not in endpoint


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (its built-in kustomize) is not installed")
@pytest.mark.parametrize("directory", KUSTOMIZATIONS, ids=lambda path: str(path.relative_to(KUBERNETES)))
def test_kustomize_renders_what_this_test_reads(directory: Path):
    output = subprocess.run(["kubectl", "kustomize", str(directory)], capture_output=True, text=True, timeout=60)
    assert output.returncode == 0, output.stderr

    def identity(doc: Doc) -> tuple[str, str]:
        return doc["kind"], doc["metadata"]["name"]

    assert sorted(documents(output.stdout), key=identity) == sorted(render(directory), key=identity)
