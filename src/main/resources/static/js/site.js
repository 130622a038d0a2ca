// Progressive enhancement only: every page and form works without this file.
document.documentElement.classList.add("js");
