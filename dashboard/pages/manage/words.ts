/**
 * The words of the management pages, Bahasa Indonesia here (the keys come from
 * these) and English in words-en.ts. Apart from text.ts so they load with these
 * pages, not with sign-in.
 */

import { createWords } from "../../../core/words.ts";
import { en } from "./words-en.ts";

const id = {
  adminsOnly: "Hanya admin instansi dan admin wilayah yang dapat mengubah pengaturan ini.",
  required: "Wajib diisi.",
  invalid: "Isian ini tidak dapat diterima",
  taken: "Sudah dipakai. Pilih yang lain.",
  name: "Nama",
  status: "Status",
  actions: "Tindakan",
  active: "Aktif",
  inactive: "Nonaktif",
  archived: "Diarsipkan",
  archive: "Arsipkan",
  archiveOf: "Arsipkan {name}",
  edit: "Ubah",
  editOf: "Ubah {name}",
  rename: "Ganti nama",
  renameOf: "Ganti nama {name}",
  newName: "Nama baru",
  save: "Simpan",
  saved: "Perubahan {name} disimpan.",
  cancel: "Batal",
  close: "Tutup",
  delete: "Hapus",
  deleteOf: "Hapus akun {name}",
  deleteConfirm: "Hapus akun {name}? Orang ini tidak dapat masuk lagi.",
  remove: "Hapus",
  removeOf: "Hapus {name}",
  slug: "Kode di alamat (slug)",
  slugHint: "Huruf kecil, angka dan tanda hubung, mis. ktp-el. Dipakai di widget dan laporan.",
  slugRule: "Gunakan huruf kecil, angka dan tanda hubung saja.",
  // slugs suggested for agencies: an agency's example, not a service's
  slugHintAgency:
    "Huruf kecil, angka dan tanda hubung, mis. disdukcapil-tebingtinggi. Diusulkan dari nama (dipotong di akhir kata); boleh dipendekkan. Dipakai di alamat dasbor dan widget.",
  shownOnce: "Catat atau berikan sekarang: demi keamanan, ini hanya ditampilkan sekali.",
  passwordShownOnce:
    "Catat atau berikan sekarang: demi keamanan, ini hanya ditampilkan sekali. Kata sandi ini sementara: pemiliknya memilih kata sandinya sendiri saat pertama masuk.",
  print: "Cetak",
  you: "Anda",
  // the checklist
  checklistTitle: "Persiapan instansi",
  checklistProgress: "{done} dari {all} langkah selesai. Ikuti langkah berikut agar warga dapat menilai.",
  checklistDone: "Semua {all} langkah selesai. Instansi siap menerima penilaian.",
  stepDone: "selesai ({n})",
  stepOpen: "belum",
  // the checklist: the widget step is optional, and each step's page links back
  stepOptional: "opsional",
  backToChecklist: "← Kembali ke persiapan instansi",
  stepServices: "Jenis layanan",
  stepServicesAbout: "Layanan yang dinilai warga, mis. KTP Elektronik.",
  stepCounters: "Loket",
  stepCountersAbout: "Tempat warga dilayani, dengan layanan dan jam layanannya.",
  stepOfficers: "Petugas",
  stepOfficersAbout: "ASN yang melayani, satu per satu atau dari berkas CSV.",
  stepTablets: "Tablet kios",
  stepTabletsAbout: "Pasang tablet di loket dengan kode atau kode QR.",
  stepOrigins: "Asal widget",
  stepOriginsAbout:
    "Situs instansi yang boleh memasang widget penilaian. Lewati bila instansi tidak punya situs web: persiapan tetap selesai.",
  stepRatings: "Penilaian pertama",
  stepRatingsAbout: "Tercentang begitu warga pertama menilai, di tablet atau lewat poster QR yang dicetak di sini.",
  // services
  servicesTitle: "Jenis layanan",
  servicesAbout:
    "Layanan yang diarsipkan hilang dari kios, widget dan poster dan tidak menerima penilaian baru, tetapi riwayat penilaiannya tetap.",
  servicesEmpty: "Belum ada layanan. Tambahkan yang pertama di bawah.",
  serviceAdd: "Tambah layanan",
  serviceName: "Nama layanan",
  serviceAdded: "Layanan {name} ditambahkan.",
  serviceArchiveConfirm:
    "Arsipkan layanan {name}? Mulai saat ini layanan ini hilang dari kios, widget dan poster, dan penilaian baru untuknya ditolak. " +
    "Penilaian yang diberikan sebelum saat ini tetap diterima, juga yang masih tersimpan di tablet yang sedang offline dan baru terkirim nanti. Riwayatnya tetap.",
  // counters
  countersTitle: "Loket",
  countersAbout:
    "Layanan pertama adalah layanan utama: yang dinilai bila warga hanya mengetuk wajah. Penilaian di luar jam layanan diberi tanda.",
  countersEmpty: "Belum ada loket. Tambahkan yang pertama di bawah.",
  code: "Kode",
  codeHint: "Huruf kecil, angka dan tanda hubung, mis. loket-1.",
  codeRule: "Gunakan huruf kecil, angka dan tanda hubung saja (mis. loket-1).",
  counterName: "Nama loket",
  servicesGiven: "Layanan",
  allServices: "Semua layanan",
  main: "utama",
  hours: "Jam layanan",
  opensAt: "Buka",
  closesAt: "Tutup",
  timeRule: "Isi jam seperti 08:00.",
  closesHint:
    "Sebelum jam buka: melewati tengah malam (22:00–06:00); 00:00: sampai tengah malam; sama dengan jam buka: 24 jam.",
  thanksSeconds: "Lama ucapan terima kasih di kios (detik)",
  thanksRule: "Antara 1 dan 60 detik.",
  mainService: "Layanan utama",
  otherServices: "Layanan lain di loket ini",
  counterAdd: "Tambah loket",
  counterAdded: "Loket {name} ditambahkan.",
  counterEdit: "Ubah {name}",
  counterNeedsService: "Tambahkan jenis layanan dulu; tanpa itu loket menerima semua layanan.",
  counterArchiveConfirm:
    "Arsipkan {name}? Mulai saat ini loket ini tidak menerima penilaian baru dan tugas yang berjalan diakhiri. " +
    "Tablet di loket ini berhenti menerima penilaian baru, tetapi penilaian yang dibuat sebelum diarsipkan dan masih menunggu di tablet tetap dikirim dan disimpan. Riwayatnya tetap.",
  // officers
  officersManageTitle: "Data petugas",
  officersManageAbout:
    "Petugas masuk ke dasbor dengan NIP dan kata sandi, dan melapor tugas di kios dengan NIP dan PIN. Menonaktifkan petugas mengakhiri tugasnya yang berjalan; riwayatnya tetap.",
  officersEmpty: "Belum ada petugas. Tambahkan satu per satu atau impor dari CSV di bawah.",
  nip: "NIP",
  nipHint: "18 angka: tanggal lahir, bulan pengangkatan, jenis kelamin, nomor urut.",
  position: "Jabatan",
  account: "Akun masuk",
  hasAccount: "Ada",
  noAccount: "Belum ada",
  activate: "Aktifkan",
  activateOf: "Aktifkan {name}",
  deactivate: "Nonaktifkan",
  deactivateOf: "Nonaktifkan {name}",
  deactivateConfirm: "Nonaktifkan {name}? Tugasnya yang berjalan di loket diakhiri.",
  newPin: "PIN baru",
  newPinOf: "PIN kios baru untuk {name}",
  pinFor: "PIN kios baru {name}",
  newPassword: "Kata sandi baru",
  newPasswordOf: "Kata sandi baru untuk {name}",
  makeAccount: "Buat akun",
  makeAccountOf: "Buat akun masuk untuk {name}",
  passwordFor: "Kata sandi {name} (masuk dengan {id})",
  pinOptional: "PIN kios (opsional)",
  pinHint: "6 angka untuk melapor tugas di kios. Bisa dibuat nanti.",
  pinRule: "PIN terdiri dari 6 angka.",
  officerAdd: "Tambah petugas",
  officerAdded: "Petugas {name} ditambahkan.",
  officerEdit: "Ubah {name}",
  // officer import (issue 19 item 5): .xlsx or Excel's CSV, rounded NIPs, a PIN column, honest counts
  importTitle: "Impor dari Excel atau CSV",
  importAbout:
    "Kolom: NIP, Nama, Jabatan, dan PIN kios (opsional), dikenali dari baris judulnya; tanpa baris judul, urutannya itu. Berkas .xlsx dari Excel, atau CSV dengan pemisah koma atau titik koma. Setiap baris diperiksa dulu; hanya baris yang benar yang diimpor, yang lain dilewati.",
  importFile: "Berkas Excel (.xlsx) atau CSV",
  importFileHint:
    "NIP yang tertulis seperti 1,98901E+17 sudah dibulatkan Excel: format kolom NIP sebagai Teks sebelum mengetik NIP.",
  importText: "Atau tempel isi CSV, atau sel yang disalin dari Excel",
  importEmpty: "Pilih berkas atau tempel isi CSV dulu.",
  importRead: "{file} dipilih. Tekan Periksa.",
  importTooBig:
    "Berkas ini terlalu besar untuk sekali impor. Simpan hanya kolom NIP, Nama, Jabatan dan PIN, atau bagi menjadi beberapa berkas.",
  importNotXlsx:
    "Berkas ini tidak dapat dibaca sebagai .xlsx. Simpan ulang dari Excel sebagai Buku Kerja Excel (.xlsx) atau CSV.",
  importOldXls:
    "Berkas .xls lama tidak dapat dibaca. Di Excel pilih Simpan Sebagai, lalu Buku Kerja Excel (.xlsx) atau CSV.",
  importCheck: "Periksa",
  importGood: "Semua {all} baris benar. Belum ada yang disimpan.",
  importBad:
    "{good} dari {all} baris dapat diimpor; {bad} baris perlu diperbaiki dan akan dilewati. Belum ada yang disimpan.",
  importNone: "Tidak ada baris yang dapat diimpor. Perbaiki berkasnya, lalu periksa lagi.",
  importCommit: "Impor {n} petugas",
  imported: "{n} petugas ditambahkan.",
  importSkipped: "{n} baris dilewati:",
  importSkippedRow: "Baris {line} (NIP {nip}): {why}",
  line: "Baris",
  check: "Pemeriksaan",
  rowOk: "benar",
  pinColumn: "PIN",
  pinGiven: "ada",
  pinNotGiven: "tidak ada",
  officerPin: "PIN kios",
  pinSet: "Ada",
  pinUnset: "Belum ada",
  import_not_csv: "Berkas ini bukan CSV yang dapat dibaca.",
  import_too_many: "Paling banyak 500 baris per impor.",
  import_nip_rounded:
    "Excel membulatkan NIP ini (tertulis seperti 1,98901E+17 atau berakhir 000). Di Excel: format kolom NIP sebagai Teks, ketik ulang NIP-nya, lalu simpan lagi.",
  import_nip_number:
    "NIP ini tersimpan sebagai angka, sehingga Excel hanya menyimpan 15 angka pertamanya. Di Excel: format kolom NIP sebagai Teks, ketik ulang NIP-nya, lalu simpan lagi.",
  import_name: "Nama wajib diisi (paling banyak 120 huruf).",
  import_position: "Jabatan paling banyak 120 huruf.",
  import_pin:
    "PIN terdiri dari 6 angka. Jika diawali 0, Excel membuang 0 itu: format kolom PIN sebagai Teks, lalu ketik ulang.",
  import_nip_exists: "Petugas dengan NIP ini sudah ada.",
  import_nip_twice: "NIP ini muncul dua kali di berkas.",
  // accounts
  accountsTitle: "Akun dan peran",
  accountsAbout:
    "Admin instansi mengelola semuanya; supervisor membaca laporan tanpa mengubah pengaturan; petugas melihat nilainya sendiri. Akun petugas dibuat di halaman Data petugas.",
  signsInWith: "Masuk dengan",
  role: "Peran",
  roleOf: "Peran {name}",
  roleChanged: "Peran {name} diubah.",
  accountAdd: "Tambah akun",
  accountAddAbout:
    "Untuk admin instansi dan supervisor, yang masuk dengan e-mail. Kata sandi dibuat dan ditampilkan sekali.",
  accountAdded: "Akun {name} dibuat.",
  email: "E-mail",
  emailRule: "Isi alamat e-mail yang benar, mis. nama@instansi.go.id.",
  // tablets
  tabletsTitle: "Tablet kios",
  tabletsAbout:
    "Tambah tablet untuk sebuah loket, lalu buka kode QR-nya dengan kamera tablet atau ketik kodenya di kios.",
  tabletNeedsCounter: "Tambahkan loket dulu:",
  tabletsList: "Tablet terdaftar",
  tabletsEmpty: "Belum ada tablet.",
  counter: "Loket",
  tabletName: "Nama tablet",
  tabletNameHint: "Mis. Tablet Loket 1.",
  tabletAdd: "Tambah tablet",
  lastSeen: "Terakhir terlihat",
  queue: "Antrean di tablet",
  queueWaiting: "{n} menunggu",
  queueAside: "{n} ditolak server",
  tablet_revoked: "Dicabut",
  tablet_retired: "Loket diarsipkan: hanya mengirim sisa antrean",
  tablet_paired: "Terpasang",
  tablet_waiting: "Menunggu dipasang",
  tablet_expired: "Kode kedaluwarsa",
  revoke: "Cabut",
  revokeOf: "Cabut {name}",
  revokeConfirm: "Cabut {name}? Tablet ini langsung berhenti menerima penilaian.",
  pairingTitle: "Pasang {name} di {counter}",
  pairingHow: "Di tablet, buka kode QR ini dengan kamera, atau buka /kiosk/ dan ketik kodenya:",
  pairingHowTyped: "Di tablet, buka /kiosk/ di alamat https:// server dan ketik kodenya:",
  pairingCodeLabel: "Kode pemasangan:",
  pairingLeft: "Berlaku {time} lagi, sekali pakai.",
  pairingLink: "Alamat:",
  pairingQr: "Kode QR pemasangan: {url}",
  pairingNotHttps:
    "Alamat ini http://, bukan https://: tablet dapat membukanya tetapi tidak dapat dipasangkan dan tidak bekerja luring. " +
    'Pasang proxy TLS di depan server dan setel SUARA_PUBLIC_URL ke alamat https://-nya (docs/operations.md, "Run it in an office").',
  pairingNoLink:
    "Tidak ada kode QR: dasbor ini dibuka di alamat komputer server sendiri ({here}), yang di tablet berarti tablet itu " +
    "sendiri. Ketik kode di atas pada kios yang dibuka di alamat https:// server, atau setel SUARA_PUBLIC_URL ke alamat " +
    'itu agar tautan dan kode QR memakainya (docs/operations.md, "Run it in an office").',
  pairingLan:
    "Server ini terjangkau di jaringan kantor pada {urls}, tetapi lewat http:// biasa; tablet memerlukan HTTPS untuk " +
    "dipasangkan dan bekerja luring.",
  pairingDone: "Tablet terpasang dan siap menerima penilaian.",
  pairingExpired: "Kode ini kedaluwarsa. Cabut tablet ini di daftar dan tambah lagi untuk kode baru.",
  // widget
  widgetTitle: "Widget di situs instansi",
  originsAbout:
    "Hanya halaman dari asal (origin) yang terdaftar yang dapat mengirim penilaian lewat widget. Asal = https://, nama situs, dan port bila ada, tanpa jalur.",
  originsEmpty: "Belum ada asal terdaftar.",
  originLabel: "Asal situs",
  originHint: "Mis. https://disdukcapil.contoh.go.id",
  originAdd: "Daftarkan",
  originAdded: "{name} didaftarkan.",
  originRemoved: "{name} dihapus.",
  originRemoveConfirm: "Hapus {name}? Widget di situs itu berhenti menerima penilaian.",
  originThere: "Asal ini sudah terdaftar.",
  origin_format: "Bukan alamat yang lengkap. Tulis seperti https://www.contoh.go.id",
  origin_https: "Gunakan https:// (http:// hanya untuk localhost).",
  origin_path: "Hanya asal: https://, nama situs dan port, tanpa jalur atau garis miring di akhir.",
  snippetsTitle: "Kode pemasangan",
  snippetsAbout: "Pilih bentuk widget, salin kodenya, dan tempel di halaman situs instansi. Pratinjau di bawah kode.",
  snippetsNeedService: "Tambahkan jenis layanan dulu.",
  copy: "Salin",
  copied: "Tersalin",
  snippetKind: "Bentuk widget",
  snippet_inline: "Sebaris",
  snippet_inlineAbout: "Empat wajah di dalam halaman; satu ketukan langsung terkirim, lalu komentar bila warga mau.",
  snippet_skm: "Survei SKM lengkap",
  snippet_skmAbout: 'mode="skm": sesudah wajah, 9 pertanyaan SKM satu per langkah, lalu profil responden.',
  snippet_floating: "Tombol melayang",
  snippet_floatingAbout: 'display="floating": tombol di pojok halaman membuka widget dalam dialog.',
  snippet_english: "Bahasa Inggris",
  snippet_englishAbout: 'locale="en": widget berbahasa Inggris (tanpa atribut ini: bahasa halaman situs).',
  snippet_badge: "Lencana IKM",
  snippet_badgeAbout: "IKM instansi yang diterbitkan dengan mutunya, untuk kaki halaman; tidak perlu layanan.",
  snippetCode: "Kode {kind}",
  copyOf: "Salin kode {kind}",
  copiedOf: "Kode {kind} tersalin. Tempel di halaman situs Anda.",
  copyFailed: "Browser ini tidak mengizinkan penyalinan otomatis. Kode sudah dipilih: tekan Ctrl+C (atau ⌘+C).",
  previewTitle: "Pratinjau: {kind}",
  previewService: "Layanan",
  previewAbout: "Widget asli seperti di situs Anda; pratinjau ini tidak mengirim penilaian.",
  previewBadgeAbout: "Lencana asli, dengan IKM instansi yang sekarang diterbitkan.",
  // posters
  postersTitle: "Poster QR per loket",
  postersAbout:
    "Cetak di kertas A4 dan tempel di loket. Kode QR membuka halaman penilaian loket itu: warga memilih layanan yang diterimanya bila loket memberi beberapa layanan.",
  postersLoopback:
    "Kode QR poster ini menunjuk ke {here}, alamat komputer server sendiri: ponsel warga tidak dapat membukanya. " +
    "Sebelum mencetak, setel SUARA_PUBLIC_URL ke alamat https:// server yang dapat dibuka warga, atau buka dasbor di " +
    'alamat itu (docs/operations.md, "Run it in an office").',
  postersWhich: "Loket",
  postersAll: "Semua loket",
  postersNeed: "Tambahkan layanan dan loket dulu.",
  // integrations
  integrationsTitle: "Integrasi sistem antrean",
  integrationsAbout:
    "Sistem antrean instansi meminta tiket penilaian setiap kali warga selesai dilayani. Tiket itu untuk petugas yang bertugas di loket yang melayani, dan dihitung untuk indikatornya karena sistem antrean yang menjaminnya. Buat satu kunci per sistem; cabut kunci yang tidak dipakai lagi.",
  keyName: "Nama kunci",
  keyNameHint: "Mis. Mesin antrean lantai 1.",
  keyAdd: "Buat kunci",
  keyAdded: "Kunci {name} dibuat.",
  keyShownTitle: "Kunci baru: {name}",
  keyShownOnce:
    "Salin kunci ini sekarang ke pengaturan sistem antrean. Kunci ini hanya ditampilkan sekali: Suara hanya menyimpan sidiknya. Bila hilang, cabut lalu buat kunci baru.",
  keyLabel: "Kunci {name}",
  keysList: "Kunci terdaftar",
  keysEmpty: "Belum ada kunci.",
  made: "Dibuat",
  lastUsed: "Terakhir dipakai",
  never: "belum pernah",
  keyRevokedAt: "Dicabut {time}",
  keyRevokeConfirm: "Cabut kunci {name}? Sistem yang memakainya langsung tidak dapat meminta tiket.",
  keyRevoked: "Kunci {name} dicabut.",
  exampleTitle: "Contoh panggilan dari sistem antrean",
  exampleAbout: "Setelah warga dilayani di {counter}, sistem antrean meminta tiket untuk layanan {service}:",
  exampleAnswer:
    "Jawabannya berisi tautan (url) untuk dicetak sebagai kode QR pada struk antrean atau ditampilkan di layar:",
  exampleNip:
    'Tambahkan "nip" petugas bila sistem antrean mengetahuinya: bila bukan dia yang bertugas di loket itu, jawabannya 409 {code} tanpa tiket.',
  examplePace:
    "Paling banyak 10 tiket tiap 5 menit dan 60 tiap jam per loket dan per petugas; selebihnya dijawab 429 {code} dengan Retry-After (detik).",
  exampleDocs: "Rincian lengkap: dokumentasi API",
  exampleNeed: "Tambahkan layanan dan loket dulu; contohnya memakai kode keduanya.",
  // region
  agencyAdd: "Tambah instansi",
  agencyAddAbout:
    "Instansi baru di wilayah {region}, dengan admin pertamanya. Admin itu lalu menyiapkan layanan, loket, petugas dan tablet.",
  agencyName: "Nama instansi",
  region: "Wilayah",
  timezone: "Zona waktu",
  firstAdmin: "Admin instansi pertama",
  agencyAdded: "Instansi {name} dan adminnya dibuat.",
  agencyOpenSetup: "Buka persiapan instansi ini",
} as const;

/** A message key of the management pages. */
export type ManageKey = keyof typeof id;

/** A management message in a locale with its placeholders filled; "" for a key made at run time that has no words. */
export const say = createWords({ id, en });
