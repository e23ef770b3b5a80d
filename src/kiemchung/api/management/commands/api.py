"""`kiemchung api token create|list|revoke …` and `kiemchung api webhook add|webhooks …`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kiemchung.api import tokens
from kiemchung.api.models import ApiToken, WebhookSubscription
from kiemchung.api.webhooks import InvalidSubscription, create_subscription
from kiemchung.core.events import EVENTS
from kiemchung.org.models import OrgUnit


class Command(BaseCommand):
    help = (
        "API tokens. `token create USER --scope read,ingest [--name NAME]` prints the new "
        "token once, alone on the last line; `token list USER`; `token revoke ID`. "
        "`webhook add --unit ID --url URL --events a,b` prints the signing secret once; "
        "`webhook list` lists the subscriptions."
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
        hook = kinds.add_parser("webhook", help="Add or list webhook subscriptions.")
        hook_actions = hook.add_subparsers(dest="action", required=True)
        add = hook_actions.add_parser("add", help="Send a unit's events to an address.")
        add.add_argument("--unit", type=int, required=True, help="Organisation unit id.")
        add.add_argument("--url", required=True, help="The partner's https address.")
        add.add_argument("--events", required=True, help=f"Comma-separated: {', '.join(EVENTS)}.")
        hook_actions.add_parser("list", help="List the subscriptions and their health.")

    def handle(self, *args: Any, **options: Any) -> None:
        handler = {
            ("token", "create"): self.create,
            ("token", "list"): self.list,
            ("token", "revoke"): self.revoke,
            ("webhook", "add"): self.add_webhook,
            ("webhook", "list"): self.list_webhooks,
        }
        handler[options["kind"], options["action"]](options)

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

    def add_webhook(self, options: dict[str, Any]) -> None:
        unit = OrgUnit.objects.filter(pk=options["unit"]).first()
        if unit is None:
            raise CommandError(f"no unit with id {options['unit']}")
        events = [name.strip() for name in options["events"].split(",") if name.strip()]
        try:
            hook = create_subscription(unit, options["url"], events)
        except InvalidSubscription as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Webhook {hook.pk}: {unit.name} → {hook.url} ({', '.join(hook.events)}). "
            "Its signing secret, shown only now:"
        )
        self.stdout.write(hook.secret)

    def list_webhooks(self, options: dict[str, Any]) -> None:
        for hook in WebhookSubscription.objects.select_related("unit").order_by("pk"):
            state = "active" if hook.is_active else f"disabled {hook.disabled_at:%Y-%m-%d %H:%M}"
            self.stdout.write(
                f"{hook.pk}\t{hook.unit.name}\t{hook.url}\t{','.join(hook.events)}\t{state}"
                f"\t{hook.consecutive_failures} failures in a row"
            )


def _user(name: str) -> Any:
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"no user named {name!r}")
    return user
