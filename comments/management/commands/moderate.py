"""``manage.py moderate < comments.jsonl``: moderate JSON lines, or measure the rules."""

import json
import sys

from django.core.management.base import BaseCommand

from comments.moderation import Engine, default_engine
from comments.moderation.evaluation import BadLine, evaluate, moderate_lines


class Command(BaseCommand):
    requires_system_checks = []  # a text filter: no need to check the whole project

    help = (
        'Read one JSON object per line (with a "text") on standard input and write it back '
        'with "decision", "lang" and "findings". With --evaluate, lines carry a "label" '
        "and the command prints precision, recall and throughput per rule instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--evaluate",
            action="store_true",
            help="measure precision and recall per rule on labelled lines",
        )
        parser.add_argument(
            "--holdout",
            action="store_true",
            help="with --evaluate: only the rows the learned model was not trained on",
        )
        parser.add_argument(
            "--wrong-words",
            action="store_true",
            help="with --evaluate: also list the words the restorer got wrong on the ASCII copies",
        )
        parser.add_argument(
            "--no-model",
            action="store_true",
            help="rules only, without the learned signal",
        )

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin
        engine = Engine(use_model=False) if options["no_model"] else default_engine()
        if options["evaluate"]:
            errors: list[BadLine] = []
            report = evaluate(stdin, engine, errors=errors, holdout=options["holdout"])
            for error in errors:
                self.stderr.write(f"error: {error}")
            for line in report.lines():
                self.stdout.write(line)
            if options["wrong_words"] and report.restoration is not None:
                self.stdout.write("words restored wrong (typed -> restored (original) xtimes):")
                for line in report.restoration.wrong_lines():
                    self.stdout.write(line)
            return
        bad = 0
        for result in moderate_lines(stdin, engine):
            if isinstance(result, BadLine):
                bad += 1
                self.stderr.write(f"error: {result}")
            else:
                self.stdout.write(json.dumps(result, ensure_ascii=False))
        if bad:
            self.stderr.write(f"{bad} line(s) skipped")
