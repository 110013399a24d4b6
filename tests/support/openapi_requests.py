"""Requests for every operation of an OpenAPI document, aimed at chosen objects.

Built from the document alone, so an operation added to the API is exercised without a
test being edited: path, query and body fields whose names say what they point at
(`case_id`, `point_id`, `team_id`, `agent_ids`, ...) take the objects of a `Target`, the
rest get a plain valid value from their schema. A push is expanded into one request per
mutation type, each payload built from the schema its description names; a file upload
gets a lender file naming the target's account and person.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from agentdesk import clock
from agentdesk.clock import local_today
from tests.support.lender_files import resident_id, xlsx


@dataclass(frozen=True)
class Target:
    """The objects of one team that requests are aimed at; `pool` maps field names to values."""

    team: str
    pool: dict[str, str]
    file: bytes
    file_text: str = ""  # what the file says, for telling what a caller sent from what an answer leaked


@dataclass
class Request:
    method: str
    path: str
    label: str
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    files: dict[str, tuple[str, bytes]] | None = None
    data: dict[str, str] | None = None
    file_text: str = ""

    def mentions(self) -> str:
        """Everything the caller sent, as text: what a response may echo without leaking."""
        parts = [self.path, repr(self.params), repr(self.json), repr(self.data)]
        return " ".join(parts + [self.file_text])


def lender_file(account_no: str, national_id: str, lender_hint: str = "") -> bytes:
    """One sheet both intake readers take: the target's account, a new account for the target's
    person, and a fresh case; payment columns for the same accounts."""
    header = ["合同号", "姓名", "身份证号", "手机号", "逾期金额", "逾期天数", "还款金额", "还款日期"]
    paid = (local_today("Asia/Shanghai") - timedelta(days=1)).isoformat()
    fresh = f"MX-{uuid.uuid4().hex[:10]}"
    return xlsx([header,
                 [account_no, "甲", national_id, "13900000001", "1,000.00", 40, "100.00", paid],
                 [f"MX-{uuid.uuid4().hex[:10]}", "乙", national_id, "13900000002", "500.00", 20, "50.00", paid],
                 [fresh, "丙", resident_id(uuid.uuid4().int % 1000), "13900000003", "800.00", 10, "10.00", paid]],
                title=f"{lender_hint} 委外清单")


class RequestBuilder:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.components = schema.get("components", {}).get("schemas", {})
        # A required uuid may be the id of a new object (an attempt's own) or name an existing
        # one (the call a recording belongs to): each JSON request is built both ways.
        self.reuse_ids = False

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.components[node["$ref"].rsplit("/", 1)[1]]
        return node

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for path, item in self.schema["paths"].items():
            for method, op in item.items():
                if method in ("get", "post", "put", "patch", "delete"):
                    yield method.upper(), path, op

    # --- values --------------------------------------------------------------------------

    def value(self, node: dict[str, Any], name: str, target: Target, required: bool = False) -> Any:
        """A valid value; a field naming an object gets the target's, except a required uuid,
        which is the id of a new object (an attempt's own id, not the attempt a promise came from)."""
        node = self.resolve(node)
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if self.resolve(o).get("type") != "null"]
                return self.value(options[0], name, target, required) if options else None
        creates = required and node.get("format") == "uuid" and not self.reuse_ids
        if name in target.pool and node.get("type") == "string" and not creates:
            return target.pool[name]
        kind = node.get("type")
        if "enum" in node:
            return node["enum"][0]
        if "default" in node and node["default"] is not None and kind != "object":
            return node["default"]
        if kind == "array":
            singular = name[:-1] if name.endswith("s") else name
            if singular in target.pool:
                return [target.pool[singular]]
            return [self.value(node.get("items", {}), singular, target)]
        if kind == "object":
            return self.obj(node, target)
        if kind == "integer":
            low = node.get("minimum", node.get("exclusiveMinimum", 0) + 1 if "exclusiveMinimum" in node else 1)
            return max(int(low), min(100, int(node.get("maximum", 100))))
        if kind == "number":
            return 1.0
        if kind == "boolean":
            return True
        return self.text(node, name)

    def text(self, node: dict[str, Any], name: str) -> str:
        fmt = node.get("format")
        if fmt == "uuid":
            return str(uuid.uuid4())
        if fmt == "date-time":
            return clock.now().isoformat()
        if fmt == "date":
            return (local_today("Asia/Shanghai") + timedelta(days=3)).isoformat()
        if "pattern" in node:
            return "13912345678"
        return "x" * max(int(node.get("minLength", 1)), min(16, int(node.get("maxLength", 16))))

    def obj(self, node: dict[str, Any], target: Target) -> dict[str, Any]:
        """Required members, and optional ones that name an object (so scope can be tried)."""
        node = self.resolve(node)
        required = set(node.get("required", []))
        out: dict[str, Any] = {}
        for name, sub in node.get("properties", {}).items():
            names_object = name.endswith(("_id", "_ids")) and (name in target.pool or name[:-1] in target.pool)
            if name in required or names_object:
                out[name] = self.value(sub, name, target, name in required)
        return out

    def payload_models(self, node: dict[str, Any]) -> dict[str, str]:
        """`type` value → payload schema, from a "`note.add` → NoteAddPayload; ..." description."""
        description = self.resolve(node).get("properties", {}).get("payload", {}).get("description", "")
        return dict(re.findall(r"`([^`]+)` → (\w+)", description))

    # --- requests ------------------------------------------------------------------------

    def _json_requests(self, method: str, base: Request, schema: dict[str, Any], target: Target) -> list[Request]:
        """The JSON requests of an operation with new ids, and again with the target's ids where
        a required id may name an existing object (the call a recording or a consent belongs to)."""
        fresh = self._json_bodies(method, base, schema, target)
        self.reuse_ids = True
        try:
            reused = self._json_bodies(method, base, schema, target)
        finally:
            self.reuse_ids = False
        values = set(target.pool.values())

        def named(request: Request) -> set[str]:
            return {v for v in values if v in repr(request.json)}

        extra = [r for r, f in zip(reused, fresh, strict=True) if named(r) != named(f)]
        for request in extra:
            request.label += " (existing ids)"
        return fresh + extra

    def _json_bodies(self, method: str, base: Request, schema: dict[str, Any], target: Target) -> list[Request]:
        variants: list[Request] = []
        body_schema = self.resolve(schema)
        list_of = {n: self.resolve(s.get("items", {})) for n, s in body_schema.get("properties", {}).items()
                   if s.get("type") == "array"}
        expanded = False
        for name, item in list_of.items():
            models = self.payload_models(item)
            for type_name, model in models.items():
                body = self.obj(body_schema, target)
                entry = self.obj(item, target)
                entry["type"] = type_name
                entry["payload"] = self.obj(self.components[model], target)
                body[name] = [entry]
                variants.append(Request(method, base.path, f"{base.label} {type_name}", dict(base.params),
                                        json=body))
                expanded = True
        if not expanded:
            variants.append(Request(method, base.path, base.label, dict(base.params),
                                    json=self.obj(body_schema, target)))
        return variants

    def requests(self, method: str, path: str, op: dict[str, Any], target: Target) -> list[Request]:
        base = Request(method, path, f"{method} {path}")
        for param in op.get("parameters", []):
            name, where = param["name"], param["in"]
            if where == "path":
                value = target.pool.get(name, target.pool["case_id"])
                base.path = base.path.replace("{" + name + "}", str(value))
            elif where == "query" and (param.get("required") or name in target.pool):
                base.params[name] = self.value(param.get("schema", {}), name, target)
        content = op.get("requestBody", {}).get("content", {})
        variants: list[Request] = []
        if "application/json" in content:
            variants += self._json_requests(method, base, content["application/json"]["schema"], target)
        elif "multipart/form-data" in content:
            form_schema = self.resolve(content["multipart/form-data"]["schema"])
            files: dict[str, tuple[str, bytes]] = {}
            data: dict[str, str] = {}
            for name, sub in form_schema.get("properties", {}).items():
                sub = self.resolve(sub)
                if sub.get("format") == "binary" or "contentMediaType" in sub:
                    files[name] = ("lender.xlsx", target.file)
                elif sub.get("type") == "boolean":
                    data[name] = "true"  # the most permissive choice (accept_good_rows: write what can be)
                elif name in form_schema.get("required", []) or name in target.pool:
                    data[name] = str(target.pool.get(name, self.value(sub, name, target, True)))
            variants.append(Request(method, base.path, base.label, dict(base.params), files=files, data=data,
                                    file_text=target.file_text))
        else:
            variants.append(base)
        # The same request leaving out an optional team: a lead's own team is then implied.
        out = []
        for request in variants:
            out.append(request)
            if "team_id" in request.params or (request.data and "team_id" in request.data) or (
                    isinstance(request.json, dict) and "team_id" in request.json):
                implied = Request(request.method, request.path, request.label + " (own team)",
                                  {k: v for k, v in request.params.items() if k != "team_id"},
                                  json={k: v for k, v in request.json.items() if k != "team_id"}
                                  if isinstance(request.json, dict) else request.json,
                                  files=request.files,
                                  data={k: v for k, v in request.data.items() if k != "team_id"}
                                  if request.data else request.data, file_text=request.file_text)
                out.append(implied)
        return out
