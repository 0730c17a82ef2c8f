// Shows "Copied!" for a second after a notebook cell's copy button copied its code.
document.addEventListener("clipboard-copy", (event) => {
  const notice = event.target.querySelector(".notice");
  if (notice) {
    notice.hidden = false;
    setTimeout(() => { notice.hidden = true; }, 1000);
  }
});
