"""`kiemchung api token create USER --scope read,ingest`, `token list USER`, `token revoke ID`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kiemchung.api import tokens
from kiemchung.api.models import ApiToken


class Command(BaseCommand):
    help = (
        "API tokens. `token create USER --scope read,ingest [--name NAME]` prints the new "
        "token once, alone on the last line; `token list USER`; `token revoke ID`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        token = kinds.add_parser("token", help="Create, list or revoke API tokens.")
        actions = token.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token for USER.")
        create.add_argument("user")
        create.add_argument(
            "--scope", required=True, help="Comma-separated: read, ingest, tips, reports."
        )
        create.add_argument("--name", default="", help="What the token is for.")
        listing = actions.add_parser("list", help="List USER's tokens (never the secrets).")
        listing.add_argument("user")
        revoke = actions.add_parser("revoke", help="Revoke the token with this id.")
        revoke.add_argument("id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        handler = {"create": self.create, "list": self.list, "revoke": self.revoke}
        handler[options["action"]](options)

    def create(self, options: dict[str, Any]) -> None:
        user = _user(options["user"])
        try:
            new = tokens.create_token(
                user, options["name"] or "command line", options["scope"].split(",")
            )
        except tokens.UnknownScope as exc:
            raise CommandError(f"unknown scope: {exc}") from exc
        self.stdout.write(
            f"Token {new.token.pk} for {user.get_username()} with scopes "
            f"{', '.join(new.token.scopes)}. It is shown only now:"
        )
        self.stdout.write(new.secret)

    def list(self, options: dict[str, Any]) -> None:
        for token in tokens.tokens_of(_user(options["user"])):
            state = "revoked" if token.revoked_at else "active"
            self.stdout.write(
                f"{token.pk}\t{token.prefix}…\t{','.join(token.scopes)}\t{state}\t{token.name}"
            )

    def revoke(self, options: dict[str, Any]) -> None:
        token = ApiToken.objects.filter(pk=options["id"]).first()
        if token is None:
            raise CommandError(f"no token with id {options['id']}")
        tokens.revoke(token)
        self.stdout.write(f"Token {token.pk} ({token.prefix}…) revoked.")


def _user(name: str) -> Any:
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"no user named {name!r}")
    return user
