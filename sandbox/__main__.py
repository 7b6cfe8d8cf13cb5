"""`python -m sandbox ...`: the reference portal's command line (PORTAL_API.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import platformdirs

DEFAULT_CLAIMS = 5000
DEFAULT_SEED = 20261127


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("claims-sandbox"))


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def with_data(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--data", type=Path, default=default_data_dir(), help="data folder")
        return p

    serve = with_data(sub.add_parser("serve", help="run the portal over TLS"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_non_negative, default=0, help="0 picks a free port")
    serve.add_argument("--claims", type=_non_negative, default=DEFAULT_CLAIMS)
    serve.add_argument("--seed", type=int, default=DEFAULT_SEED)
    serve.add_argument("--idle-timeout-s", type=_positive, default=1800)
    serve.add_argument("--absolute-timeout-s", type=_positive, default=43200)
    serve.add_argument("--lockout-s", type=_positive, default=900)
    serve.add_argument(
        "--rate-limit", type=_non_negative, default=60, metavar="PER_MIN",
        help="sign-ins and registrations per client address per minute (0: no limit)",
    )

    publish = with_data(sub.add_parser("publish-policy", help="make a new policy current"))
    publish.add_argument("--version", required=True)
    publish.add_argument("--title", required=True)
    publish.add_argument("--summary", required=True)
    publish.add_argument("--body-file", required=True, type=Path)

    activate = with_data(sub.add_parser("activate", help="activate a pending registration"))
    activate.add_argument("username")
    acceptances = with_data(sub.add_parser("acceptances", help="a user's policy acceptances"))
    acceptances.add_argument("username")
    with_data(sub.add_parser("contracts", help="contracted organizations, TINs and NPIs"))
    with_data(sub.add_parser("openapi", help="print the OpenAPI document"))
    reset = with_data(sub.add_parser("reset-mfa", help="turn off a user's two-step sign-in"))
    reset.add_argument("username")
    with_data(sub.add_parser("outbox", help="messages the portal sent (verification codes)"))
    log = with_data(sub.add_parser("security-log", help="print the security events"))
    log.add_argument("--since", help="only events at or after this ISO 8601 date or instant")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        from sandbox.deps import Settings
        from sandbox.server import serve

        settings = Settings(
            idle_timeout_s=args.idle_timeout_s,
            absolute_timeout_s=args.absolute_timeout_s,
            lockout_s=args.lockout_s,
            rate_limit_per_min=args.rate_limit,
        )
        return serve(args.host, args.port, args.data, args.claims, args.seed, settings)
    if args.command == "openapi":
        from sandbox import openapi
        from sandbox.app import create_app

        sys.stdout.write(openapi.render(openapi.build(create_app(None))))
        return 0

    from sandbox import operator_cli as op

    try:
        if args.command == "publish-policy":
            op.publish_policy(args.data, args.version, args.title, args.summary, args.body_file)
        elif args.command == "activate":
            op.activate(args.data, args.username)
        elif args.command == "acceptances":
            op.acceptances(args.data, args.username)
        elif args.command == "contracts":
            op.contracts(args.data)
        elif args.command == "reset-mfa":
            op.reset_mfa(args.data, args.username)
        elif args.command == "outbox":
            op.print_outbox(args.data)
        elif args.command == "security-log":
            op.print_security_log(args.data, args.since)
    except (op.OperatorError, OSError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
