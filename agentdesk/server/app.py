"""The FastAPI application: /v1 auth, sync, events, and the OpenAPI document.

Handlers that touch the database are plain `def`s, run in Starlette's thread pool, so a
slow query never stalls the event loop that serves the event streams.
"""


import logging
import secrets
from collections import Counter
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from agentdesk import __version__, contract
from agentdesk.clock import PROCESS, Clock
from agentdesk.server import auth, db_identity, presence, sync
from agentdesk.server.client_gate import ClientGate
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.events import EventHub, PgRelay, Skip
from agentdesk.server.idle_pull import IdlePull
from agentdesk.server.models import AuditEntry, User
from agentdesk.server.push_lane import PushLane
from agentdesk.server.recording_archive import RecordingArchive
from agentdesk.server.recording_config import recordings_dir
from agentdesk.server.request_guard import RequestGuard, validation_body
from agentdesk.server.routes_allocation import allocation_router
from agentdesk.server.routes_intake import intake_router
from agentdesk.server.routes_lead import lead_router
from agentdesk.server.routes_recordings import recordings_router
from agentdesk.server.routes_rules import rules_router
from agentdesk.server.routes_strategy import strategy_router
from agentdesk.server.sms.routes import sms_router

log = logging.getLogger(__name__)
WORKER_NAME = secrets.token_hex(4)
# Logins verified at once per API process: argon2 is CPU work, so more at once than cores only
# interleaves them (each evicting the others' 7 MiB from the caches) and holds more threads.
LOGIN_THREADS = 2


PUSH_PATH = "/v1/sync/push"


def _checks_caller_late(request: Request, exc: RequestValidationError) -> bool:
    """Whether this validation failure came before the caller was checked: a push's body
    (the push checks its caller inside its first write, see the route). A body that is not
    JSON at all failed before any route's caller check, as it always did: that stays 422."""
    route = request.scope.get("route")
    return (getattr(route, "path", None) == PUSH_PATH and request.method == "POST"
            and not any(error.get("type") == "json_invalid" for error in exc.errors()))


def create_app(db: Database, hub: EventHub | None = None, clock: Clock | None = None,
               recordings_folder: str | None = None) -> FastAPI:
    """`clock` decides every "now" of the server (default: the process clock; see agentdesk.clock).
    `recordings_folder`: the recording archive (default: recording_config.recordings_dir())."""
    hub = hub or EventHub()
    clock = clock or PROCESS
    relay = PgRelay(db.psycopg_dsn(), hub) if db.is_postgres else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        if relay:
            relay.start()
        db.start_wal_checkpointer()  # SQLite: the WAL folded in off the commits (db.py)
        yield
        hub.close()
        if relay:
            relay.stop()
        db.stop_wal_checkpointer()

    push_lane = PushLane()
    login_lane = PushLane(LOGIN_THREADS)

    def poke(agents: set[str], teams: set[str], skip: Skip | None = None) -> None:
        """Tell clients in scope to pull: across processes on PostgreSQL, in-process on SQLite.
        `skip`: the pushing desk's own stream (see EventHub.poke)."""
        if relay:
            relay.publish(agents, teams, skip)
        else:
            hub.poke(agents, teams, skip)

    app = FastAPI(
        title="AgentDesk central API",
        version=__version__,
        description="System of record for AgentDesk: auth, scoped sync, pokes, audit.",
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.clock = clock
    app.state.hub = hub
    app.state.poke = None  # set below; reassignment and intake use it too
    bearer = HTTPBearer(auto_error=False)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content={"code": exc.code, "message": exc.message},
                            headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        if _checks_caller_late(request, exc):
            creds = await bearer(request)
            if creds is not None:
                try:
                    await run_in_threadpool(current_user, creds)
                except ApiError as refused:
                    return await _api_error(request, refused)
        return JSONResponse(status_code=422, content=validation_body(exc.errors()))

    @app.exception_handler(db_identity.ForeignCursor)
    async def _foreign_cursor(_request: Request, exc: db_identity.ForeignCursor) -> JSONResponse:
        return JSONResponse(status_code=409, content={"code": contract.FOREIGN_CURSOR, "message": str(exc)})

    @app.exception_handler(sync.CursorError)
    async def _cursor_error(_request: Request, exc: sync.CursorError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"code": "bad_cursor", "message": str(exc)})

    @app.exception_handler(DataError)
    async def _unstorable(_request: Request, _exc: DataError) -> JSONResponse:
        # Input the database cannot store (NUL characters, out-of-range numbers): the caller's to fix.
        return JSONResponse(status_code=422, content={
            "code": "unstorable_input",
            "message": "The request holds a value the database cannot store (a number out of range, "
                       "a NUL character or a date out of range); correct it and send it again.",
        })

    # Innermost: an idle desk's pull answered in one query (idle_pull.py), after the gates below.
    app.state.idle_pulls = Counter[str]()
    app.add_middleware(IdlePull, db=db, clock=clock, tally=app.state.idle_pulls)
    # Below the RequestGuard (added last, so outermost): a too-old desk's 426, the worker's name.
    app.add_middleware(ClientGate, worker_name=WORKER_NAME)

    def session() -> Iterator[Session]:
        with db.transaction() as s:
            yield s

    def current_user(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> User:
        """The caller, loaded in a short transaction of its own and detached.

        It must not share the request's session: on SQLite every transaction holds the
        write lock, and push opens one transaction per mutation.
        """
        if creds is None:
            raise ApiError(401, "not_authenticated", "Log in first: send Authorization: Bearer <token>.")
        with db.transaction() as s:
            try:
                user = auth.user_for_access_token(s, creds.credentials, clock.now())
            except auth.AuthError as exc:
                raise ApiError(401, exc.code, str(exc)) from exc
            s.expunge(user)
            return user

    async def bearer_token(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> str:
        """The caller's access token, not yet checked: a route that reads the database anyway
        checks it in its own transaction (`caller`), one checkout instead of two. Async: it
        reads nothing, and a plain `def` cost each pull a hop to a worker thread and back."""
        if creds is None:
            raise ApiError(401, "not_authenticated", "Log in first: send Authorization: Bearer <token>.")
        return creds.credentials

    def caller(s: Session, token: str) -> User:
        """`current_user`'s check, in the route's own session."""
        try:
            return auth.user_for_access_token(s, token, clock.now())
        except auth.AuthError as exc:
            raise ApiError(401, exc.code, str(exc)) from exc

    def tokens(issued: auth.IssuedTokens) -> contract.TokenPair:
        u = issued.user
        return contract.TokenPair(
            access_token=issued.access_token,
            refresh_token=issued.refresh_token,
            expires_in=issued.expires_in,
            user=contract.UserInfo(
                id=u.id, username=u.username, display_name=u.display_name, role=u.role,  # type: ignore[arg-type]
                team_id=u.team_id,
            ),
        )

    errors = {
        401: {"model": contract.ErrorBody},
    }
    login_errors = {
        401: {"model": contract.ErrorBody},
        429: {"model": contract.ErrorBody, "description": "too many failed logins: wait Retry-After seconds"},
    }

    @app.get("/v1/ping")
    async def ping() -> dict[str, bool]:
        """No database, no auth: the framework's own ceiling, the baseline bench/ compares with.

        On the event loop, not the thread pool: under load it shows the machine and the
        loop, not a queue behind the database routes (bench/bench_load.py)."""
        return {"ok": True}

    @app.get("/v1/info", response_model=contract.ServerInfo)
    def info() -> contract.ServerInfo:
        return contract.ServerInfo(
            api_version=contract.API_VERSION,
            min_client_version=contract.MIN_CLIENT_VERSION,
            server_time=clock.now(),
        )

    @app.post("/v1/auth/login", response_model=contract.TokenPair, responses=login_errors)
    async def login(body: contract.LoginRequest, request: Request) -> contract.TokenPair:
        """Runs in the login lane (push_lane.PushLane of LOGIN_THREADS): argon2 never on the
        event loop, and a storm of logins (a shift starting) queues on the loop instead of
        taking every thread of the pool. The two transactions around the verification hold a
        connection for a round trip or two each, never during argon2's ~20 ms: at 100
        logins at once the pool no longer opened dozens of new PostgreSQL connections."""
        source = request.client.host if request.client else None
        return await login_lane.run(lambda: _login(body.username, body.password, source))

    def _login(username: str, password: str, source: str | None) -> contract.TokenPair:
        now = clock.now()
        try:
            with db.transaction() as s:
                attempt = auth.check_login(s, username, now, source)
        except auth.LoginThrottled as exc:
            raise ApiError(429, exc.code, str(exc), headers={"Retry-After": str(exc.retry_after)}) from exc
        verified = auth.verify_login(attempt, password)
        with db.sessions() as s:
            try:
                issued = auth.finish_login(s, attempt, verified, password, now)
            except auth.AuthError as exc:
                s.commit()  # the failed-login count must survive the refusal
                raise ApiError(401, exc.code, str(exc)) from exc
            s.add(AuditEntry(user_id=issued.user.id, action="auth.login", entity="user",
                             entity_id=issued.user.id, detail={}))
            pair = tokens(issued)
            s.commit()
            return pair

    @app.post("/v1/auth/refresh", response_model=contract.TokenPair, responses=errors)
    def refresh(body: contract.RefreshRequest) -> contract.TokenPair:
        with db.sessions() as s:
            try:
                pair = tokens(auth.refresh(s, body.refresh_token, clock.now()))
            except auth.AuthError as exc:
                s.commit()  # a reused token revokes the whole family; that must stick
                raise ApiError(401, exc.code, str(exc)) from exc
            s.commit()
            return pair

    @app.post("/v1/auth/logout", status_code=204)
    def logout(body: contract.RefreshRequest) -> None:
        with db.transaction() as s:
            auth.revoke(s, body.refresh_token, clock.now())

    @app.get("/v1/me", response_model=contract.UserInfo, responses=errors)
    def me(user: Annotated[User, Depends(current_user)]) -> contract.UserInfo:
        return contract.UserInfo(
            id=user.id, username=user.username, display_name=user.display_name,
            role=user.role, team_id=user.team_id,  # type: ignore[arg-type]
        )

    @app.get("/v1/sync/pull", response_model=contract.PullResponse, responses={
        **errors, 400: {"model": contract.ErrorBody, "description": "a cursor this server cannot read"},
        409: {"model": contract.ErrorBody, "description": "foreign_cursor: pull the whole scope again"}})
    def pull(
        token: Annotated[str, Depends(bearer_token)],
        cursor: Annotated[str | None, Query(max_length=40)] = None,
        limit: Annotated[int, Query(ge=1, le=sync.MAX_PULL_LIMIT)] = 500,
        accept: Annotated[str, Header()] = "application/json",
    ) -> Response:
        # The transaction opens in the route's own thread, not in a dependency: a dependency
        # holds its connection while the route waits for a thread, and under load (500 desks)
        # the threads were waiting for connections held by pulls waiting for threads.
        with db.transaction() as s:
            user = caller(s, token)
            if contract.PULL_LINES_MEDIA_TYPE in accept:
                # The desktop's bulk form: queue columns beside documents it stores unparsed.
                return Response(sync.pull_lines(s, user, cursor, limit), media_type=contract.PULL_LINES_MEDIA_TYPE)
            # Already JSON text in the PullResponse shape (see sync.pull_json): sent as it is.
            return Response(sync.pull_json(s, user, cursor, limit), media_type="application/json")

    @app.get("/v1/sync/counts", responses=errors)
    def counts(
        user: Annotated[User, Depends(current_user)], s: Annotated[Session, Depends(session)]
    ) -> dict[str, int]:
        return sync.scope_counts(s, user)

    @app.post(PUSH_PATH, response_model=contract.PushResponse, responses=errors)
    async def push(
        body: contract.PushRequest, token: Annotated[str, Depends(bearer_token)],
        stream: Annotated[str | None, Header(alias=contract.EVENT_STREAM_HEADER, max_length=64)] = None,
    ) -> contract.PushResponse:
        # The caller is checked in the first write's own transaction (`sync.push`'s `check`):
        # one transaction and one thread hop less than a `current_user` dependency. A body that
        # fails validation is answered by `_invalid`, which checks the caller first, so a bad
        # token still answers 401 before a bad body's 422, as it did with the dependency.
        # (A comment, not a docstring: that would become the OpenAPI document's description.)
        def work() -> contract.PushResponse:
            outcome = sync.push(db, None, body.mutations, clock, check=lambda s: caller(s, token))
            if outcome.touched_agents or outcome.touched_teams:
                own = Skip(stream, outcome.pusher) if stream and outcome.pusher else None
                poke(outcome.touched_agents, outcome.touched_teams, own)
            return contract.PushResponse(results=outcome.results)

        return await push_lane.run(work)  # its own few threads: see agentdesk/server/push_lane.py

    def _subscriber_identity(token: str) -> tuple[str, str | None, str]:
        """Runs in a worker thread: a database read on the event loop would stall every stream."""
        with db.transaction() as s:
            try:
                user = auth.user_for_access_token(s, token, clock.now())
            except auth.AuthError as exc:
                raise ApiError(401, exc.code, str(exc)) from exc
            return user.id, user.team_id, user.role

    @app.get("/v1/events", responses=errors, response_class=StreamingResponse)
    async def events(request: Request) -> StreamingResponse:
        header = request.headers.get("authorization", "")
        token = header[7:] if header.lower().startswith("bearer ") else ""
        user_id, team_id, role = await run_in_threadpool(_subscriber_identity, token)
        sub = hub.subscribe(user_id, team_id, role)
        return StreamingResponse(
            presence.tracked(hub.stream(sub), db, user_id, team_id, clock, poke),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        described = []
        for type_name, model in contract.MUTATION_TYPES.items():
            model_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in model_schema.pop("$defs", {}).items():
                components.setdefault(name, sub)
            components[model.__name__] = model_schema
            described.append(f"`{type_name}` → {model.__name__}")
        mutation = components.get("Mutation", {})
        mutation.setdefault("properties", {}).setdefault("payload", {})["description"] = (
            "The payload's schema depends on `type`: " + "; ".join(described)
        )
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.state.poke = poke
    app.include_router(lead_router(db, poke, current_user, clock))
    app.include_router(intake_router(db, poke, current_user, clock))
    app.include_router(rules_router(db, poke, current_user, clock))
    app.state.recordings = RecordingArchive(recordings_dir(recordings_folder))
    app.include_router(recordings_router(db, app.state.recordings, current_user, clock))
    app.include_router(sms_router(db, current_user, clock))
    # Outermost of our middleware: body and nesting limits, and the 500 that logs no request data.
    app.add_middleware(RequestGuard)
    app.include_router(strategy_router(db, poke, current_user, clock))
    app.include_router(allocation_router(db, poke, current_user, clock))
    return app
