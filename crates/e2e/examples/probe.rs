use e2e::*;
fn main() {
    let dir = std::env::temp_dir().join("e2e-probe");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><html lang=en><title>probe</title><body><h1>Hi</h1><script>console.error('boom')</script></body></html>").unwrap();
    let server = Server::start(&dir).unwrap();
    let t = std::time::Instant::now();
    let driver = Driver::start().unwrap();
    println!("driver {:?}", t.elapsed());
    let s = driver.session().unwrap();
    println!("session {:?}", t.elapsed());
    s.goto(&server.url("/")).unwrap();
    println!("title {:?} {:?}", s.title(), t.elapsed());
    println!("log {:?}", s.browser_log());
    println!("dark? {:?}", s.js("return matchMedia('(prefers-color-scheme: dark)').matches"));
    println!("cdp {:?}", s.cdp("Emulation.setEmulatedMedia", serde_json::json!({"features":[{"name":"prefers-color-scheme","value":"dark"}]})));
    println!("dark? {:?}", s.js("return matchMedia('(prefers-color-scheme: dark)').matches"));
    println!("nosuch {:?}", s.find("#nope").map(|_| ()));
    s.screenshot(&dir.join("x.png")).unwrap();
    println!("png {:?}", std::fs::read(dir.join("x.png")).unwrap()[..8].to_vec());
    println!("async {:?}", s.execute_async("arguments[0](1+1)", vec![]));
    drop(s);
    for a in ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] {
        let s = driver.session_with(&[a]).unwrap();
        s.goto(&server.url("/")).unwrap();
        println!("{a}: dark? {:?}", s.js("return matchMedia('(prefers-color-scheme: dark)').matches"));
    }
    println!("total {:?}", t.elapsed());
}
