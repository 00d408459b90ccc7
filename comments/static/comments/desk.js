// The moderation desk with a keyboard, deciding without a page reload.
//
// Progressive enhancement: every form on the desk works without this script. With it,
// j / k move between the cards, a approves, r rejects (with the reason typed in the
// card), and the Approve / Reject forms are sent with fetch(); the server answers JSON
// when asked for it (Accept: application/json). Loaded as a file: the CSP forbids
// inline script.
(function () {
  "use strict";

  const container = document.getElementById("desk-cards");
  if (!container) {
    return;
  }
  let current = null;

  function openCards() {
    return Array.from(container.querySelectorAll(".desk-card:not(.desk-card-done)"));
  }

  function select(card) {
    if (!card) {
      return;
    }
    if (current) {
      current.classList.remove("desk-card-current");
    }
    current = card;
    card.classList.add("desk-card-current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const cards = openCards();
    if (!cards.length) {
      return;
    }
    const index = cards.indexOf(current);
    const next = index < 0 ? 0 : Math.min(Math.max(index + step, 0), cards.length - 1);
    select(cards[next]);
  }

  function say(card, text, failed) {
    let status = card.querySelector(".desk-status");
    if (!status) {
      status = document.createElement("p");
      status.className = "desk-status small mb-0 mt-2";
      status.setAttribute("role", "status");
      card.querySelector(".card-body").appendChild(status);
    }
    status.textContent = text;
    status.classList.toggle("text-danger", Boolean(failed));
  }

  function count(id, step) {
    const figure = document.getElementById(id);
    if (!figure) {
      return;
    }
    const value = Math.max(0, Number(figure.dataset.count || 0) + step);
    figure.dataset.count = String(value);
    figure.textContent = value.toLocaleString(document.documentElement.lang || undefined);
  }

  async function decide(form) {
    const card = form.closest(".desk-card");
    if (card.classList.contains("desk-card-busy") || card.classList.contains("desk-card-done")) {
      return;
    }
    card.classList.add("desk-card-busy");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
        },
      });
      // A signed-out moderator is redirected to the login page: HTML, not an answer.
      const isAnswer = (response.headers.get("Content-Type") || "").includes("application/json");
      const answer = isAnswer ? await response.json() : {};
      if (!response.ok || !isAnswer) {
        say(card, answer.message || container.dataset.failed, true);
        return;
      }
      const following = openCards();
      const index = following.indexOf(card);
      card.classList.add("desk-card-done");
      card.dataset.decided = answer.status || "decided";
      card.querySelectorAll("button, input, select").forEach((field) => {
        field.disabled = true;
      });
      say(card, answer.message, false);
      if (answer.changed) {
        count("held-count", -1);
        count("decided-today", 1);
      }
      if (current === card || current === null) {
        select(following[index + 1] || following[index - 1]);
      }
    } catch (error) {
      say(card, container.dataset.failed, true);
    } finally {
      card.classList.remove("desk-card-busy");
    }
  }

  container.addEventListener("submit", (event) => {
    const form = event.target.closest(".desk-decision");
    if (form) {
      event.preventDefault();
      decide(form);
    }
  });

  container.addEventListener("focusin", (event) => {
    const card = event.target.closest(".desk-card");
    if (card && card !== current && !card.classList.contains("desk-card-done")) {
      if (current) {
        current.classList.remove("desk-card-current");
      }
      current = card;
      card.classList.add("desk-card-current");
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    if (event.target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    const key = event.key.toLowerCase();
    if (key === "j" || key === "k") {
      event.preventDefault();
      move(key === "j" ? 1 : -1);
    } else if ((key === "a" || key === "r") && current) {
      const button = current.querySelector(`button[data-key="${key}"]`);
      if (button) {
        event.preventDefault();
        decide(button.form);
      }
    }
  });

  document.querySelectorAll(".desk-keys").forEach((help) => {
    help.hidden = false;
  });
  select(openCards()[0]);
})();
