"""What the session engine tells a player: things to show, say, beep and save."""

from __future__ import annotations

from dataclasses import dataclass

from turnout.domain.plan import HoldRecord, PlanItem


@dataclass(frozen=True)
class StepStarted:
    item: PlanItem
    position: int

    @property
    def say(self) -> str:
        partner = self.item.step.partner_cue
        return f"{self.item.step.cue} Partner: {partner}" if partner else self.item.step.cue


@dataclass(frozen=True)
class GetReady:
    item: PlanItem
    seconds: int

    @property
    def say(self) -> str:
        return f"Get ready: {self.item.step.title}."


@dataclass(frozen=True)
class Beep:
    remaining: int

    @property
    def say(self) -> str:
        return str(self.remaining)


@dataclass(frozen=True)
class CheckIn:
    elapsed: int
    remaining: int

    @property
    def say(self) -> str:
        done, left = self.elapsed // 60, max(1, round(self.remaining / 60))
        return (
            f"{done} minutes done, about {left} to go. Breathe, and come out at once "
            "if anything pinches or goes numb."
        )


@dataclass(frozen=True)
class HoldEnded:
    record: HoldRecord

    @property
    def say(self) -> str:
        return ""  # the next step's cue says what to do now


@dataclass(frozen=True)
class Paused:
    say: str = "Paused."


@dataclass(frozen=True)
class Resumed:
    say: str = "Resuming."


@dataclass(frozen=True)
class SessionEnded:
    finished: bool

    @property
    def say(self) -> str:
        return "Well done, that is the end of the session." if self.finished else "Session ended."


Event = StepStarted | GetReady | Beep | CheckIn | HoldEnded | Paused | Resumed | SessionEnded
