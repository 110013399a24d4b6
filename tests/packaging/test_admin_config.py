"""The administrator's settings file: found where IT puts it, validated with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from agentdesk.desktop import admin_config
from agentdesk.desktop.admin_config import ADMIN_SETTINGS, AdminConfigError, load_admin_config, parse_admin_config
from agentdesk.desktop.settings import SETTINGS, Settings


def test_default_locations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(admin_config.ENV_OVERRIDE, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert admin_config.default_path() == Path("/etc/agentdesk/agentdesk.ini")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert admin_config.default_path() == Path(r"D:\ProgramData") / "AgentDesk" / "agentdesk.ini"
    monkeypatch.setenv(admin_config.ENV_OVERRIDE, "/srv/pilot.ini")
    assert admin_config.default_path() == Path("/srv/pilot.ini")


def test_no_file_means_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(admin_config.ENV_OVERRIDE, raising=False)
    monkeypatch.setattr(admin_config, "default_path", lambda: tmp_path / "absent.ini")
    config = load_admin_config()
    assert config.verify_tls is True and config.server_url == "" and not config.explicit


def test_a_named_file_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(admin_config.ENV_OVERRIDE, str(tmp_path / "missing.ini"))
    with pytest.raises(AdminConfigError, match="missing.ini does not exist"):
        load_admin_config()


def test_full_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ca = tmp_path / "corp-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    ini = tmp_path / "agentdesk.ini"
    # Notepad's BOM and mixed-case keys are what real deployments send.
    ini.write_text(
        "\ufeff[agentdesk]\n"
        "Server_URL = https://agentdesk.example.cn\n"
        "dialer = sip:{number}@pbx.example.cn\n"
        "proxy = http://proxy.example.cn:8080\n"
        "no_proxy = localhost,.corp.example.cn\n"
        f"ca_bundle = {ca}\n"
        "verify_tls = no\n"
        "wipe_on_logout = yes\n"
        "sip_server = pbx.example.cn:5060\n"
        "sip_extension = 8001\n"
        "sip_auth_user = agent-8001\n"
        "sip_caller_id = 4008001234\n"
        "sip_transport = tcp\n"
        "sip_register = yes\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(admin_config.ENV_OVERRIDE, str(ini))
    config = load_admin_config()
    assert config.server_url == "https://agentdesk.example.cn"
    assert (config.sip_server, config.sip_auth_user, config.sip_transport) == (
        "pbx.example.cn:5060", "agent-8001", "tcp")
    assert config.verify_tls is False and config.wipe_on_logout is True
    assert config.explicit == frozenset(ADMIN_SETTINGS)

    env: dict[str, str] = {}
    admin_config.apply_to_environment(config, env)
    assert env["HTTPS_PROXY"] == "http://proxy.example.cn:8080"
    assert env["NO_PROXY"] == "localhost,.corp.example.cn"
    assert env["AGENTDESK_CA_BUNDLE"] == str(ca) and env["AGENTDESK_TLS_VERIFY"] == "0"

    settings = Settings(tmp_path / "desktop.json")
    settings.set("server_url", "http://old.example.cn")
    admin_config.apply_to_settings(settings, config)
    assert settings.get("server_url") == "https://agentdesk.example.cn"
    assert settings.get("dialer_url") == "sip:{number}@pbx.example.cn"


def test_every_desktop_target_is_a_declared_desktop_setting() -> None:
    assert set(admin_config.DESKTOP_SETTING_FOR) <= set(ADMIN_SETTINGS)
    assert set(admin_config.DESKTOP_SETTING_FOR.values()) <= set(SETTINGS)


def test_unset_keys_change_nothing() -> None:
    config = parse_admin_config("[agentdesk]\nverify_tls = true\n")
    env: dict[str, str] = {}
    admin_config.apply_to_environment(config, env)
    assert env == {} and admin_config.desktop_overrides(config) == {}


def test_wipe_on_logout_becomes_the_desks_setting(tmp_path: Path) -> None:
    config = parse_admin_config("[agentdesk]\nwipe_on_logout = yes\n")
    settings = Settings(tmp_path / "desktop.json")
    assert settings.get("wipe_on_logout") is False
    admin_config.apply_to_settings(settings, config)
    assert settings.get("wipe_on_logout") is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[agentdesk]\nverify_tls = maybe\n", "verify_tls = 'maybe' is not true or false"),
        ("[agentdesk]\nserver_url = agentdesk.example.cn\n", "server_url = 'agentdesk.example.cn' must be an http"),
        ("[agentdesk]\ndialer = tel:\n", "dialer = 'tel:' must contain {number}"),
        ("[agentdesk]\ndialer = http://x/{number}\n", "dialer = 'http://x/{number}' must start with tel:"),
        ("[agentdesk]\nproxy = proxy:8080\n", "proxy = 'proxy:8080' must be a proxy address"),
        ("[agentdesk]\nca_bundle = /nowhere/ca.pem\n", "ca_bundle = '/nowhere/ca.pem' names no file"),
        ("[agentdesk]\nsip_transport = ws\n", "sip_transport = 'ws' must be udp, tcp or tls"),
        ("[agentdesk]\nsip_server = sip://pbx\n", "sip_server = 'sip://pbx' must be a host name"),
        ("[agentdesk]\nsip_caller_id = 400-800\n", "sip_caller_id = '400-800' must be a phone number"),
        ("[agentdesk]\nservr_url = https://x\n", "unknown key 'servr_url'; known keys: server_url"),
        ("[AgentDesk]\nserver_url = https://x\n", "unknown section [AgentDesk]"),
        ("server_url = https://x\n", "not a valid INI file"),
    ],
)
def test_bad_values_name_the_key(text: str, message: str) -> None:
    with pytest.raises(AdminConfigError) as raised:
        parse_admin_config(text, "C:/ProgramData/AgentDesk/agentdesk.ini")
    assert message in str(raised.value)
    assert "agentdesk.ini" in str(raised.value)


def test_template_is_a_valid_file_listing_every_key() -> None:
    text = admin_config.template()
    assert parse_admin_config(text).explicit == frozenset()  # everything commented out
    for name in ADMIN_SETTINGS:
        assert f";{name} = " in text
    uncommented = "\n".join(line.lstrip(";") if " = " in line else line for line in text.splitlines())
    uncommented = uncommented.replace(r"C:\ProgramData\AgentDesk\corp-ca.pem", __file__)
    assert parse_admin_config(uncommented).explicit == frozenset(ADMIN_SETTINGS)


def test_the_readme_example_parses() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```ini\n", 1)[1].split("```", 1)[0]
    example = example.replace(r"C:\ProgramData\AgentDesk\corp-ca.pem", __file__)
    config = parse_admin_config(example)
    assert config.dialer == "sip:{number}@pbx.example.cn"
    assert config.proxy == "http://proxy.example.cn:8080"
    assert config.verify_tls is True and config.wipe_on_logout is False
    assert config.ca_bundle == __file__
