// Seeded randomness, so a run can be replayed with --seed.

export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rnd = {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Exponential wait with the given mean (arrivals of a Poisson process). */
    exp: (mean) => -Math.log(1 - next()) * mean,
    /** Around `mean`, skewed to the long side like real service times (0.5×–2.5×). */
    around: (mean) => mean * Math.min(2.5, Math.max(0.5, Math.exp((next() + next() + next() - 1.5) * 0.6))),
    person: () => {
      const name = `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE)} ${rnd.pick(GIVEN)}`;
      const phone = `0${rnd.pick(['3', '7', '8', '9'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
      const idNumber = String(rnd.int(1, 96)).padStart(3, '0') + String(rnd.int(0, 999_999_999)).padStart(9, '0');
      return { name, phone, idNumber };
    },
  };
  return rnd;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoài', 'Quốc', 'Thu', 'Hữu', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hạnh', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nhung', 'Phúc', 'Quyên', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
